using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Importing;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Importing;

public static class ImportKinds
{
    public const string Organizations = "organizations";
    public const string Members = "members";

    public static bool IsValid(string? kind) => kind is Organizations or Members;

    public static string NameOf(string kind) => kind == Organizations ? "组织" : "人员";

    public static IReadOnlyList<ImportColumn> ColumnsOf(string kind) =>
        kind == Organizations ? OrganizationImport.Columns : MemberImport.Columns;
}

/// <summary>What a preview shows: the rows as read, and every error; a valid preview can be confirmed.</summary>
public sealed record ImportPreview(Guid? PendingId, string Kind, string FileName, ImportTable? Table, IReadOnlyList<ImportError> Errors, int ValidCount)
{
    public bool CanConfirm => PendingId is not null && Errors.Count == 0 && ValidCount > 0;
}

/// <summary>
/// Import of organisations and members: upload → preview (nothing stored but the file) →
/// confirm, which validates again against the current data and stores every row in one
/// transaction, or none.
/// </summary>
public sealed class ImportService(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(2);

    public async Task<ImportPreview> PreviewAsync(string kind, string fileName, byte[] content, string userName)
    {
        var safeName = Path.GetFileName(fileName);
        if (safeName.Length > 200)
        {
            safeName = safeName[..200];
        }
        if (content.LongLength > PendingImport.MaxBytes)
        {
            return Refused(kind, safeName, $"文件太大（{content.LongLength / 1024 / 1024.0:0.0} MB），最大允许 {PendingImport.MaxBytes / 1024 / 1024} MB。");
        }
        var (table, readError) = SpreadsheetReader.Read(safeName, content);
        if (table is null)
        {
            return Refused(kind, safeName, readError!);
        }
        var validated = await ValidateAsync(kind, table);
        Guid? pendingId = null;
        if (validated.Errors.Count == 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var expired = now - PendingLifetime;
            await db.PendingImports.Where(p => p.CreatedUtc < expired).ExecuteDeleteAsync();
            var pending = new PendingImport
            {
                Id = Guid.NewGuid(),
                Kind = kind,
                FileName = safeName,
                Content = content,
                CreatedBy = userName,
                CreatedUtc = now,
            };
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync();
            pendingId = pending.Id;
        }
        return new ImportPreview(pendingId, kind, safeName, table, validated.Errors, validated.Count);
    }

    /// <summary>Stores a previewed file. Returns the number of rows stored, or the errors found now.</summary>
    public async Task<(int Stored, IReadOnlyList<ImportError> Errors, string? Refusal)> ConfirmAsync(Guid pendingId, string userName)
    {
        var pending = await db.PendingImports.FirstOrDefaultAsync(p => p.Id == pendingId && p.CreatedBy == userName);
        if (pending is null || pending.CreatedUtc < clock.GetUtcNow().UtcDateTime - PendingLifetime)
        {
            return (0, [], "预览已过期或不存在，请重新上传文件。");
        }
        var (table, readError) = SpreadsheetReader.Read(pending.FileName, pending.Content);
        if (table is null)
        {
            return (0, [], readError);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            var validated = await ValidateAsync(pending.Kind, table);
            if (validated.Errors.Count > 0)
            {
                return (0, validated.Errors, null);
            }
            var stored = pending.Kind == ImportKinds.Organizations
                ? await StoreOrganizationsAsync(validated.Organizations, validated.Known)
                : StoreMembers(validated.Members);
            db.PendingImports.Remove(pending);
            audit.Add(AuditActions.Import, AuditOutcome.Success, ImportKinds.NameOf(pending.Kind), null,
                $"导入{ImportKinds.NameOf(pending.Kind)} {stored} 条，文件：{pending.FileName}");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return (stored, [], null);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            await audit.WriteAsync(AuditActions.Import, AuditOutcome.Failure, ImportKinds.NameOf(pending.Kind), null,
                $"导入失败（数据在预览后发生了变化），文件：{pending.FileName}");
            return (0, [], "导入时数据已发生变化（例如编码被他人占用），没有保存任何数据。请重新上传预览。");
        }
    }

    /// <summary>The outcome of validating a table against the current data, for preview and for confirmation alike.</summary>
    private sealed record Validated(
        IReadOnlyList<NewOrganization> Organizations, IReadOnlyList<NewMember> Members,
        IReadOnlyList<ImportError> Errors, Dictionary<string, KnownOrganization> Known)
    {
        public int Count => Organizations.Count + Members.Count;
    }

    private async Task<Validated> ValidateAsync(string kind, ImportTable table)
    {
        var known = await KnownOrganizationsAsync();
        var scopePath = await ScopePathAsync();
        if (kind == ImportKinds.Organizations)
        {
            var r = OrganizationImport.Validate(table, known, scopePath);
            return new(r.Items, [], r.Errors, known);
        }
        var m = MemberImport.Validate(table, known, scopePath, await EmployeeNosAsync(scopePath));
        return new([], m.Items, m.Errors, known);
    }

    private async Task<string> ScopePathAsync() =>
        await scope.PathAsync() ?? throw new InvalidOperationException("Import requires an administrator scope.");

    private async Task<Dictionary<string, KnownOrganization>> KnownOrganizationsAsync() =>
        await db.Organizations.AsNoTracking()
            .Select(o => new KnownOrganization(o.Id, o.Code, o.Path, o.IsActive))
            .ToDictionaryAsync(o => o.Code, StringComparer.OrdinalIgnoreCase);

    // Members go only into organisations in scope, so only numbers used there can clash.
    private async Task<HashSet<(int, string)>> EmployeeNosAsync(string scopePath) =>
        (await db.Members.AsNoTracking().Where(m => m.EmployeeNo != null && m.Organization!.Path.StartsWith(scopePath))
            .Select(m => new { m.OrganizationId, m.EmployeeNo }).ToListAsync())
        .Select(m => (m.OrganizationId, m.EmployeeNo!)).ToHashSet();

    /// <summary>Inserts rows parents-first; each new row's path comes from its parent's, known or just inserted.</summary>
    private async Task<int> StoreOrganizationsAsync(IReadOnlyList<NewOrganization> rows, Dictionary<string, KnownOrganization> known)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            var parent = known[row.ParentCode];
            var org = new Organization
            {
                Code = row.Code,
                Name = row.Name.Trim(),
                Kind = row.Kind,
                UnitType = row.UnitType,
                ParentId = parent.Id,
                CreatedUtc = now,
            };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = OrganizationTree.PathOf(parent.Path, org.Id);
            known[org.Code] = new KnownOrganization(org.Id, org.Code, org.Path, org.IsActive);
        }
        return rows.Count;
    }

    private int StoreMembers(IReadOnlyList<NewMember> rows)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            db.Members.Add(new Pingyi.Domain.Organizations.Member
            {
                OrganizationId = row.OrganizationId,
                Name = row.Name.Trim(),
                Role = row.Role,
                Gender = row.Gender,
                Position = row.Position,
                EmployeeNo = row.EmployeeNo,
                CreatedUtc = now,
            });
        }
        return rows.Count;
    }

    private static ImportPreview Refused(string kind, string fileName, string reason) =>
        new(null, kind, fileName, null, [new ImportError(0, 0, "", reason)], 0);

    /// <summary>The downloadable template: the header row, plus a second sheet explaining each column.</summary>
    public static byte[] Template(string kind, string format)
    {
        var columns = ImportKinds.ColumnsOf(kind);
        if (format == "csv")
        {
            return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv.Line(columns.Select(c => c.Name)) + "\r\n")).ToArray();
        }
        var header = new Dictionary<string, object?>();
        foreach (var c in columns)
        {
            header[c.Name] = null;
        }
        var help = columns.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c.Name,
            ["是否必填"] = c.Required ? "必填" : "选填",
            ["示例"] = c.Example,
            ["说明"] = c.Help,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [ImportKinds.NameOf(kind)] = new[] { header },
            ["填写说明"] = help,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
