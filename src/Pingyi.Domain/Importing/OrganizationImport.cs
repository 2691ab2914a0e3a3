using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Importing;

/// <summary>An organisation already in the database, as an import sees it.</summary>
public sealed record KnownOrganization(int Id, string Code, string Path, bool IsActive);

/// <summary>A validated organisation row, ready to insert. ParentCode names an existing or an earlier new row.</summary>
public sealed record NewOrganization(int Row, string Code, string Name, OrganizationKind Kind, UnitType UnitType, string ParentCode);

public sealed record ImportResult<T>(IReadOnlyList<T> Items, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Validates an organisation import as a whole: every bad row is reported, and the rows come
/// back in an order where each parent precedes its children, so the whole file can be stored
/// in one transaction or not at all.
/// </summary>
public static class OrganizationImport
{
    public const string Code = "组织编码";
    public const string Name = "组织名称";
    public const string Kind = "组织类别";
    public const string Type = "单位类型";
    public const string ParentCode = "上级组织编码";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(Code, true, "RMYY-NK", "字母、数字、下划线、点或减号，全系统唯一"),
        new(Name, true, "内科党支部", $"不超过{Organization.NameMaxLength}个字符"),
        new(Kind, true, "党支部", string.Join("、", Labels.Kinds.Values)),
        new(Type, false, "医院", string.Join("、", Labels.UnitTypes.Values.Skip(1))),
        new(ParentCode, true, "RMYY", "已有组织的编码，或本文件中前面各行的编码"),
    ];

    /// <param name="existing">Every organisation in the database by code (codes are unique system-wide).</param>
    /// <param name="scopePath">The importing administrator's subtree; parents must lie within it.</param>
    public static ImportResult<NewOrganization> Validate(
        ImportTable table, IReadOnlyDictionary<string, KnownOrganization> existing, string scopePath)
    {
        var errors = new List<ImportError>();
        var sheet = ImportSheet.Open(table, Columns, errors);
        if (errors.Count > 0)
        {
            return new([], errors);
        }

        var parsed = new List<NewOrganization>();
        var fileCodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
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

            var code = TextRules.NormalizeCode(sheet.Cell(i, Code));
            if (TextRules.CheckCode(code) is { } codeError)
            {
                Fail(Code, codeError);
            }
            else if (existing.ContainsKey(code!))
            {
                Fail(Code, $"组织编码“{code}”已存在。");
            }
            else if (fileCodes.TryGetValue(code!, out var firstRow))
            {
                Fail(Code, $"组织编码“{code}”与第{firstRow}行重复。");
            }

            var name = sheet.Cell(i, Name);
            if (TextRules.CheckName(name, Name, Organization.NameMaxLength) is { } nameError)
            {
                Fail(Name, nameError);
            }

            var kindText = sheet.Cell(i, Kind);
            if (!Labels.TryParse(Labels.Kinds, kindText, out OrganizationKind kind))
            {
                Fail(Kind, kindText is null
                    ? "组织类别不能为空。"
                    : $"组织类别“{kindText}”无效，应为：{string.Join("、", Labels.Kinds.Values)}。");
            }

            var typeText = sheet.Cell(i, Type);
            var unitType = UnitType.None;
            if (typeText is not null && !Labels.TryParse(Labels.UnitTypes, typeText, out unitType))
            {
                Fail(Type, $"单位类型“{typeText}”无效，应为：{string.Join("、", Labels.UnitTypes.Values.Skip(1))}，或留空。");
            }

            var parentCode = TextRules.NormalizeCode(sheet.Cell(i, ParentCode));
            if (parentCode is null)
            {
                Fail(ParentCode, "上级组织编码不能为空（根组织只能由系统管理员在页面上建立）。");
            }

            if (code is not null && !fileCodes.ContainsKey(code))
            {
                fileCodes[code] = row;
            }
            if (errors.Count == before)
            {
                parsed.Add(new NewOrganization(row, code!, name!, kind, unitType, parentCode!));
            }
        }

        var ordered = OrderParentsFirst(parsed, existing, scopePath, sheet.ColumnOf(ParentCode), errors);
        errors.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return new(errors.Count == 0 ? ordered : [], errors);
    }

    private static List<NewOrganization> OrderParentsFirst(
        List<NewOrganization> rows, IReadOnlyDictionary<string, KnownOrganization> existing,
        string scopePath, int parentColumn, List<ImportError> errors)
    {
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var ordered = new List<NewOrganization>();
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.ParentCode, out var parent))
            {
                if (!OrganizationTree.IsWithin(parent.Path, scopePath))
                {
                    errors.Add(new(row.Row, parentColumn, ParentCode, $"上级组织“{row.ParentCode}”不存在或不在您的管理范围内。"));
                }
                else if (!parent.IsActive)
                {
                    errors.Add(new(row.Row, parentColumn, ParentCode, $"上级组织“{row.ParentCode}”已停用。"));
                }
            }
            else if (!byCode.ContainsKey(row.ParentCode))
            {
                errors.Add(new(row.Row, parentColumn, ParentCode, $"上级组织“{row.ParentCode}”不存在或不在您的管理范围内。"));
            }
        }
        if (errors.Count > 0)
        {
            return ordered;
        }

        // Rows whose parent is new are placed after that parent; what cannot be placed is a cycle.
        var progress = true;
        while (progress && ordered.Count < rows.Count)
        {
            progress = false;
            foreach (var row in rows.Where(r => !placed.Contains(r.Code)))
            {
                if (existing.ContainsKey(row.ParentCode) || placed.Contains(row.ParentCode))
                {
                    ordered.Add(row);
                    placed.Add(row.Code);
                    progress = true;
                }
            }
        }
        foreach (var row in rows.Where(r => !placed.Contains(r.Code)))
        {
            errors.Add(new(row.Row, parentColumn, ParentCode, "上级组织关系形成了循环。"));
        }
        return ordered;
    }
}
