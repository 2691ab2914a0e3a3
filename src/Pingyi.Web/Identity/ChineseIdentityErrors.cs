using Microsoft.AspNetCore.Identity;
using Pingyi.Domain.Accounts;

namespace Pingyi.Web.Identity;

/// <summary>Identity's messages in Chinese.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Err(nameof(DefaultError), "操作失败，请重试。");
    public override IdentityError ConcurrencyFailure() => Err(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试。");
    public override IdentityError PasswordMismatch() => Err(nameof(PasswordMismatch), "密码不正确。");
    public override IdentityError InvalidToken() => Err(nameof(InvalidToken), "令牌无效。");
    public override IdentityError LoginAlreadyAssociated() => Err(nameof(LoginAlreadyAssociated), "该登录方式已被使用。");
    public override IdentityError InvalidUserName(string? userName) => Err(nameof(InvalidUserName), "用户名只能包含字母、数字和 . _ - @。");
    public override IdentityError InvalidEmail(string? email) => Err(nameof(InvalidEmail), "电子邮箱格式不正确。");
    public override IdentityError DuplicateUserName(string userName) => Err(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");
    public override IdentityError DuplicateEmail(string email) => Err(nameof(DuplicateEmail), "该电子邮箱已被使用。");
    public override IdentityError InvalidRoleName(string? role) => Err(nameof(InvalidRoleName), "角色名无效。");
    public override IdentityError DuplicateRoleName(string role) => Err(nameof(DuplicateRoleName), "角色名已存在。");
    public override IdentityError UserAlreadyHasPassword() => Err(nameof(UserAlreadyHasPassword), "该账户已设置密码。");
    public override IdentityError UserLockoutNotEnabled() => Err(nameof(UserLockoutNotEnabled), "该账户未启用锁定。");
    public override IdentityError UserAlreadyInRole(string role) => Err(nameof(UserAlreadyInRole), "账户已有该角色。");
    public override IdentityError UserNotInRole(string role) => Err(nameof(UserNotInRole), "账户没有该角色。");
    public override IdentityError PasswordTooShort(int length) => Err(nameof(PasswordTooShort), $"密码至少需要{length}个字符。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Err(nameof(PasswordRequiresUniqueChars), $"密码至少需要{uniqueChars}个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Err(nameof(PasswordRequiresNonAlphanumeric), "密码需要包含符号。");
    public override IdentityError PasswordRequiresDigit() => Err(nameof(PasswordRequiresDigit), "密码需要包含数字。");
    public override IdentityError PasswordRequiresLower() => Err(nameof(PasswordRequiresLower), "密码需要包含小写字母。");
    public override IdentityError PasswordRequiresUpper() => Err(nameof(PasswordRequiresUpper), "密码需要包含大写字母。");

    private static IdentityError Err(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>Applies <see cref="PasswordPolicy"/> wherever Identity sets a password.</summary>
public sealed class PolicyPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var error = PasswordPolicy.Check(password, user.UserName);
        return Task.FromResult(error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = error }));
    }
}
