using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Importing;

/// <summary>A validated member row, ready to insert into the organisation it names.</summary>
public sealed record NewMember(int Row, int OrganizationId, string Name, MemberRole Role, Gender Gender, string? Position, string? EmployeeNo);

/// <summary>Validates a member import as a whole; members go only into existing organisations in scope.</summary>
public static class MemberImport
{
    public const string Name = "姓名";
    public const string OrganizationCode = "所属组织编码";
    public const string Role = "人员类别";
    public const string Gender = "性别";
    public const string Position = "职务";
    public const string EmployeeNo = "工号";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(Name, true, "张晓梅", $"不超过{Member.NameMaxLength}个字符"),
        new(OrganizationCode, true, "RMYY-NK", "已有组织的编码"),
        new(Role, true, "党员", string.Join("、", Labels.Roles.Values)),
        new(Gender, false, "女", "男、女，或留空"),
        new(Position, false, "主治医师", $"不超过{Member.PositionMaxLength}个字符"),
        new(EmployeeNo, false, "0123", "同一组织内不能重复"),
    ];

    /// <param name="existingEmployeeNos">Employee numbers already used, as (organisation id, number).</param>
    public static ImportResult<NewMember> Validate(
        ImportTable table, IReadOnlyDictionary<string, KnownOrganization> organizations, string scopePath,
        IReadOnlySet<(int OrganizationId, string EmployeeNo)> existingEmployeeNos)
    {
        var errors = new List<ImportError>();
        var sheet = ImportSheet.Open(table, Columns, errors);
        if (errors.Count > 0)
        {
            return new([], errors);
        }

        var items = new List<NewMember>();
        var seen = new Dictionary<(int, string), int>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            if (sheet.IsBlankRow(i))
            {
                continue;
            }
            var row = ImportTable.SheetRowOf(i);
            var before = errors.Count;
            sheet.CheckCellLengths(i, errors);
            void Fail(string column, string message) => errors.Add(new(row, sheet.ColumnOf(column), column, message));

            var name = sheet.Cell(i, Name);
            if (TextRules.CheckName(name, Name, Member.NameMaxLength) is { } nameError)
            {
                Fail(Name, nameError);
            }

            var orgCode = TextRules.NormalizeCode(sheet.Cell(i, OrganizationCode));
            KnownOrganization? org = null;
            if (orgCode is null)
            {
                Fail(OrganizationCode, "所属组织编码不能为空。");
            }
            else if (!organizations.TryGetValue(orgCode, out org) || !OrganizationTree.IsWithin(org.Path, scopePath))
            {
                org = null;
                Fail(OrganizationCode, $"组织“{orgCode}”不存在或不在您的管理范围内。");
            }
            else if (!org.IsActive)
            {
                Fail(OrganizationCode, $"组织“{orgCode}”已停用。");
            }

            var roleText = sheet.Cell(i, Role);
            if (!Labels.TryParse(Labels.Roles, roleText, out MemberRole role))
            {
                Fail(Role, roleText is null
                    ? "人员类别不能为空。"
                    : $"人员类别“{roleText}”无效，应为：{string.Join("、", Labels.Roles.Values)}。");
            }

            var genderText = sheet.Cell(i, Gender);
            var gender = Organizations.Gender.Unspecified;
            if (genderText is not null && !Labels.TryParse(Labels.Genders, genderText, out gender))
            {
                Fail(Gender, $"性别“{genderText}”无效，应为男或女，或留空。");
            }

            var position = sheet.Cell(i, Position);
            if (TextRules.CheckOptional(position, Position, Member.PositionMaxLength) is { } positionError)
            {
                Fail(Position, positionError);
            }

            var employeeNo = sheet.Cell(i, EmployeeNo);
            if (TextRules.CheckOptional(employeeNo, EmployeeNo, Member.EmployeeNoMaxLength) is { } noError)
            {
                Fail(EmployeeNo, noError);
            }
            else if (employeeNo is not null && org is not null)
            {
                if (existingEmployeeNos.Contains((org.Id, employeeNo)))
                {
                    Fail(EmployeeNo, $"工号“{employeeNo}”在该组织中已存在。");
                }
                else if (seen.TryGetValue((org.Id, employeeNo), out var firstRow))
                {
                    Fail(EmployeeNo, $"工号“{employeeNo}”与第{firstRow}行重复。");
                }
                else
                {
                    seen[(org.Id, employeeNo)] = row;
                }
            }

            if (errors.Count == before)
            {
                items.Add(new NewMember(row, org!.Id, name!, role, gender, position, employeeNo));
            }
        }
        return new(errors.Count == 0 ? items : [], errors);
    }
}
