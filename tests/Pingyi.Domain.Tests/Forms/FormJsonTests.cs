using System.Text;
using Pingyi.Domain.Forms;
using static Pingyi.Domain.Tests.Forms.TestForms;

namespace Pingyi.Domain.Tests.Forms;

public class FormJsonTests
{
    private const string Head = """{ "format": "pingyi-form", "formatVersion": 1, "title": "测评表", """;

    // Characters that break JSON in interesting ways, including a lone surrogate.
    private const string Noise = "{}[]\",:0-e.ntf \\u\ud800x9";

    private const string JsonAlphabet = "{}[]\":,1 truefalsnl\"pingyi-form\"kindgradeoptions";

    public static TheoryData<string> TemplateKeys => [.. BuiltInTemplates.All.Select(t => t.Key)];

    [Fact]
    public void Export_writes_the_documented_shape_with_readable_chinese_and_only_the_fields_that_apply()
    {
        var grade = Grade("a1");
        grade.Text = "医德 & 医风";
        grade.Scale = GradeScale.Satisfaction5;
        var score = Score("a2");
        score.Help = "按百分制打分";
        var single = SingleChoice("a3");
        single.Required = false;
        single.Options = ["门诊", "住院"];
        var version = Version(Section(1, "服务评价", grade, score), Section(2, null, single, MultipleChoice("a4"), Text("a5")));
        version.Title = "测评表<1>";
        version.Description = null;

        var json = FormJson.Export(version);

        Assert.Equal(
            """
            {
              "format": "pingyi-form",
              "formatVersion": 1,
              "title": "测评表\u003C1\u003E",
              "sections": [
                {
                  "title": "服务评价",
                  "items": [
                    {
                      "key": "a1",
                      "kind": "grade",
                      "text": "医德 \u0026 医风",
                      "required": true,
                      "scale": "satisfaction5"
                    },
                    {
                      "key": "a2",
                      "kind": "score",
                      "text": "综合评分",
                      "help": "按百分制打分",
                      "required": true,
                      "maxScore": 100,
                      "weight": 60
                    }
                  ]
                },
                {
                  "items": [
                    {
                      "key": "a3",
                      "kind": "singleChoice",
                      "text": "科室类别",
                      "required": false,
                      "options": [
                        "门诊",
                        "住院"
                      ]
                    },
                    {
                      "key": "a4",
                      "kind": "multipleChoice",
                      "text": "最希望改进的方面",
                      "required": true,
                      "maxChoices": 2,
                      "options": [
                        "环境",
                        "流程",
                        "费用"
                      ]
                    },
                    {
                      "key": "a5",
                      "kind": "text",
                      "text": "意见建议",
                      "required": false,
                      "maxLength": 500
                    }
                  ]
                }
              ]
            }
            """,
            json);
    }

    [Fact]
    public void Export_orders_sections_and_items_by_position()
    {
        var version = Version(Section(2, "乙", Grade("b1")), Section(1, "甲", Grade("a1"), Grade("a2")));
        version.Sections[1].Items.Reverse();

        var imported = FormJson.Import(FormJson.Export(version)).Version!;

        Assert.Equal(["甲", "乙"], imported.Sections.Select(s => s.Title));
        Assert.Equal(["a1", "a2", "b1"], imported.Items.Select(i => i.Key));
    }

    [Theory]
    [MemberData(nameof(TemplateKeys))]
    public void Every_template_survives_export_and_import_unchanged(string key)
    {
        var original = BuiltInTemplates.Find(key)!.Create();
        var json = FormJson.Export(original);

        var result = FormJson.Import(json);

        Assert.Empty(result.Errors);
        var imported = result.Version!;
        Assert.Equal(json, FormJson.Export(imported));
        Assert.Equal(original.Title, imported.Title);
        Assert.Equal(original.Description, imported.Description);
        Assert.Equal(original.Sections.Select(s => s.Title), imported.Sections.Select(s => s.Title));
        Assert.Equal(original.Items.Select(Describe), imported.Items.Select(Describe));
    }

    [Fact]
    public void Import_makes_a_new_unsaved_first_version_numbered_from_1()
    {
        var original = EveryKind();
        original.Id = 5;
        original.Number = 4;
        original.FrozenUtc = DateTime.UtcNow;
        original.Sections[0].Position = 7;
        original.Sections[1].Position = 9;
        original.Sections[1].Items.ForEach(i => i.Position *= 10);

        var imported = FormJson.Import(FormJson.Export(original)).Version!;

        Assert.Equal((0, 0, 1, false), (imported.Id, imported.FormId, imported.Number, imported.IsFrozen));
        Assert.Equal([1, 2], imported.Sections.Select(s => s.Position));
        Assert.Equal([1, 2, 3], imported.Sections[1].Items.Select(i => i.Position));
        Assert.All(imported.Items, i => Assert.Equal(0, i.Id));
    }

    [Fact]
    public void Import_reads_from_a_stream_with_or_without_a_byte_order_mark()
    {
        var json = FormJson.Export(EveryKind());
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.NotNull(FormJson.Import(new MemoryStream(bytes)).Version);
        Assert.NotNull(FormJson.Import(new MemoryStream([0xEF, 0xBB, 0xBF, .. bytes])).Version);
        Assert.NotNull(FormJson.Import("\uFEFF" + json).Version);
    }

    [Fact]
    public void Import_keeps_html_and_script_as_typed_text()
    {
        const string script = "<script>alert('x')</script>";
        var grade = Grade("a1");
        grade.Text = "<b>医德医风</b> & 服务";
        grade.Help = script;
        var version = Version(Section(1, "<i>分组</i>", grade));
        version.Title = script;
        version.Description = "<img src=x onerror=alert(1)>";

        var json = FormJson.Export(version);
        var imported = FormJson.Import(json).Version!;

        Assert.DoesNotContain("<", json);
        Assert.Equal(script, imported.Title);
        Assert.Equal("<img src=x onerror=alert(1)>", imported.Description);
        Assert.Equal("<i>分组</i>", imported.Sections[0].Title);
        Assert.Equal("<b>医德医风</b> & 服务", imported.Items.Single().Text);
        Assert.Equal(script, imported.Items.Single().Help);
    }

    [Fact]
    public void Import_accepts_hand_written_files_with_comments_trailing_commas_and_unknown_properties()
    {
        const string json = """
            {
              // 由某医院共享
              "format": "pingyi-form",
              "formatVersion": 1,
              "title": "  门诊满意度  ",
              "author": "某医院",
              "sections": [
                { "title": " ", "items": [ { "kind": "grade", "text": "服务态度", "colour": "red", }, ], },
              ],
            }
            """;

        var version = FormJson.Import(json).Version!;

        Assert.Equal("门诊满意度", version.Title);
        Assert.Null(version.Description);
        Assert.Null(version.Sections.Single().Title);
        var item = version.Items.Single();
        Assert.Equal((GradeScale.Satisfaction3, true), (item.Scale, item.Required));
        Assert.Matches("^[a-z0-9]{8}$", item.Key);
    }

    [Fact]
    public void Import_treats_null_as_not_given()
    {
        var json = Head + """
            "description": null,
            "sections": [ { "title": null, "items": [
              { "key": null, "kind": "text", "text": "意见建议", "help": null, "required": null, "maxLength": null } ] } ] }
            """;

        var item = FormJson.Import(json).Version!.Items.Single();

        Assert.Equal((true, FormItem.DefaultTextLength, (string?)null), (item.Required, item.MaxLength, item.Help));
    }

    [Fact]
    public void Import_honours_required_false()
    {
        var json = Head + """ "sections": [ { "items": [ { "kind": "text", "text": "意见建议", "required": false } ] } ] }""";

        Assert.False(FormJson.Import(json).Version!.Items.Single().Required);
    }

    [Fact]
    public void Import_gives_a_missing_repeated_or_malformed_key_a_fresh_one_and_keeps_the_rest()
    {
        var json = Head + """
            "sections": [
              { "items": [ { "key": "abc", "kind": "grade", "text": "一" }, { "kind": "grade", "text": "二" } ] },
              { "items": [ { "key": "abc", "kind": "grade", "text": "三" }, { "key": "Bad Key!", "kind": "grade", "text": "四" },
                           { "key": "toolongkey", "kind": "grade", "text": "五" }, { "key": "x9", "kind": "grade", "text": "六" } ] } ] }
            """;

        var keys = FormJson.Import(json).Version!.Items.Select(i => i.Key).ToList();

        Assert.Equal("abc", keys[0]);
        Assert.Equal("x9", keys[5]);
        Assert.All(keys.Skip(1).Take(4), k => Assert.Matches("^[a-km-np-z2-9]{8}$", k));
        Assert.Equal(6, keys.Distinct().Count());
    }

    [Fact]
    public void Import_clears_fields_that_do_not_apply_to_the_kind()
    {
        var json = Head + """
            "sections": [ { "items": [ { "kind": "grade", "text": "态度", "scale": "satisfaction5", "maxScore": 10, "options": ["甲", "乙"], "maxLength": 9 } ] } ] }
            """;

        var item = FormJson.Import(json).Version!.Items.Single();

        Assert.Equal((GradeScale.Satisfaction5, 0, 0), (item.Scale, item.MaxScore, item.MaxLength));
        Assert.Empty(item.Options);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Import_of_an_empty_file_says_so(string json)
    {
        AssertErrors(FormJson.Import(json), "文件是空的。");
    }

    [Fact]
    public void Import_of_an_empty_stream_says_so()
    {
        AssertErrors(FormJson.Import(new MemoryStream()), "文件是空的。");
    }

    [Theory]
    [InlineData("{ \"format\": \"pingyi-form\",\n  \"formatVersion\": 1\n  \"title\": \"x\" }", 3)]
    [InlineData("这不是 JSON", 1)]
    [InlineData("{\n\n\n\n", 5)]
    [InlineData("{ \"format\": \"pingyi-form\" } trailing", 1)]
    public void Import_of_text_that_is_not_json_names_the_line(string json, int line)
    {
        AssertErrors(FormJson.Import(json), $"文件不是有效的 JSON：第{line}行附近有错误。");
    }

    [Fact]
    public void Import_refuses_nesting_deeper_than_our_files_need()
    {
        var json = "{ \"format\": \"pingyi-form\", \"formatVersion\": 1, \"x\": " + new string('[', 40) + new string(']', 40) + " }";

        AssertErrors(FormJson.Import(json), "文件不是有效的 JSON：第1行附近有错误。");
    }

    [Fact]
    public void Import_refuses_a_lone_surrogate()
    {
        AssertErrors(FormJson.Import("{ \"title\": \"\ud800\" }"), "文件含有无效的字符，不是有效的 JSON。");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"pingyi-form\"")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{ \"format\": \"other\", \"formatVersion\": 1 }")]
    [InlineData("{ \"format\": 1, \"formatVersion\": 1 }")]
    [InlineData("{ \"Format\": \"pingyi-form\", \"formatVersion\": 1 }")]
    [InlineData("{ \"format\": \"\\ud800\", \"formatVersion\": 1 }")]
    public void Import_refuses_a_file_without_our_format_marker(string json)
    {
        AssertErrors(FormJson.Import(json), "这不是评议系统导出的测评表文件。");
    }

    [Fact]
    public void Import_refuses_an_unsupported_format_version()
    {
        AssertErrors(
            FormJson.Import("""{ "format": "pingyi-form", "formatVersion": 2, "title": "x" }"""),
            "文件的格式版本为2，本系统只能导入第1版的测评表文件。");
    }

    [Theory]
    [InlineData("""{ "format": "pingyi-form" }""")]
    [InlineData("""{ "format": "pingyi-form", "formatVersion": "1" }""")]
    [InlineData("""{ "format": "pingyi-form", "formatVersion": 1.5 }""")]
    public void Import_refuses_a_missing_or_malformed_format_version(string json)
    {
        AssertErrors(FormJson.Import(json), "文件缺少有效的格式版本（formatVersion），无法导入。");
    }

    [Fact]
    public void Import_of_a_marked_but_empty_file_reports_what_the_form_lacks()
    {
        AssertErrors(
            FormJson.Import("""{ "format": "pingyi-form", "formatVersion": 1 }"""),
            "测评表名称不能为空。",
            "测评表至少需要一个评议项目。");
    }

    [Fact]
    public void Import_names_the_section_and_item_of_an_unknown_kind()
    {
        var json = Head + """
            "sections": [
              { "items": [ { "kind": "text", "text": "意见" } ] },
              { "items": [ { "kind": "grade", "text": "一" }, { "kind": "grade", "text": "二" }, { "kind": "xyz", "text": "三" } ] } ] }
            """;

        AssertErrors(FormJson.Import(json), "第2组第3题：题型“xyz”无法识别。");
    }

    [Theory]
    [InlineData("\"kind\": 3", "第1组第1题：题型“3”无法识别。")]
    [InlineData("\"kind\": \"Grade\"", "第1组第1题：题型“Grade”无法识别。")]
    [InlineData("\"kind\": \"abcdefghijklmnopqrstuvwxyz\"", "第1组第1题：题型“abcdefghijklmnopqrst…”无法识别。")]
    [InlineData("\"kind\": null", "第1组第1题：缺少题型（kind）。")]
    [InlineData("\"text\": \"x\"", "第1组第1题：缺少题型（kind）。")]
    [InlineData("\"kind\": \"grade\", \"scale\": \"satisfaction7\"", "第1组第1题：评价等级“satisfaction7”无法识别。")]
    [InlineData("\"kind\": \"grade\", \"scale\": 5", "第1组第1题：评价等级“5”无法识别。")]
    public void Import_names_the_item_of_a_missing_or_unknown_kind_or_scale(string properties, string error)
    {
        var json = Head + "\"sections\": [ { \"items\": [ { \"text\": \"态度\", " + properties + " } ] } ] }";

        AssertErrors(FormJson.Import(json), error);
    }

    [Theory]
    [InlineData("\"title\": 5", "测评表名称（title）应为文字。")]
    [InlineData("\"description\": [\"a\"]", "指导语（description）应为文字。")]
    [InlineData("\"sections\": {}", "分组列表（sections）应为列表（[…]）。")]
    [InlineData("\"sections\": [ 1 ]", "第1组应为一个对象（{…}）。")]
    [InlineData("\"sections\": [ { \"title\": false, \"items\": [] } ]", "第1组：分组标题（title）应为文字。")]
    [InlineData("\"sections\": [ { \"items\": \"none\" } ]", "第1组：评议项目列表（items）应为列表（[…]）。")]
    [InlineData("\"sections\": [ { \"items\": [ \"grade\" ] } ]", "第1组第1题应为一个对象（{…}）。")]
    public void Import_explains_values_of_the_wrong_type_in_the_form_and_its_sections(string properties, string error)
    {
        var json = """{ "format": "pingyi-form", "formatVersion": 1, """ + properties + " }";

        AssertErrors(FormJson.Import(json), error);
    }

    [Theory]
    [InlineData("\"kind\": \"grade\", \"text\": 1", "第1组第1题：项目内容（text）应为文字。")]
    [InlineData("\"kind\": \"grade\", \"text\": \"x\", \"help\": {}", "第1组第1题：填写说明（help）应为文字。")]
    [InlineData("\"kind\": \"grade\", \"text\": \"x\", \"required\": \"yes\"", "第1组第1题：是否必答（required）应为 true 或 false。")]
    [InlineData("\"kind\": \"grade\", \"text\": \"x\", \"key\": 12345678", "第1组第1题：项目标识（key）应为文字。")]
    [InlineData("\"kind\": \"score\", \"text\": \"x\", \"maxScore\": \"10\"", "第1组第1题：满分（maxScore）应为整数。")]
    [InlineData("\"kind\": \"score\", \"text\": \"x\", \"maxScore\": 10.5", "第1组第1题：满分（maxScore）应为整数。")]
    [InlineData("\"kind\": \"score\", \"text\": \"x\", \"weight\": 1e100", "第1组第1题：权重（weight）应为整数。")]
    [InlineData("\"kind\": \"text\", \"text\": \"x\", \"maxLength\": true", "第1组第1题：字数上限（maxLength）应为整数。")]
    [InlineData("\"kind\": \"multipleChoice\", \"text\": \"x\", \"options\": [\"a\", \"b\"], \"maxChoices\": \"2\"", "第1组第1题：最多可选个数（maxChoices）应为整数。")]
    [InlineData("\"kind\": \"singleChoice\", \"text\": \"x\", \"options\": \"a,b\"", "第1组第1题：选项（options）应为列表（[…]）。")]
    [InlineData("\"kind\": \"singleChoice\", \"text\": \"x\", \"options\": [\"a\", 2]", "第1组第1题：第2个选项应为文字。")]
    [InlineData("\"kind\": \"grade\", \"text\": \"\\ud800\"", "第1组第1题：项目内容（text）含有无效的字符。")]
    public void Import_explains_values_of_the_wrong_type_in_an_item(string properties, string error)
    {
        var json = Head + "\"sections\": [ { \"items\": [ { " + properties + " } ] } ] }";

        AssertErrors(FormJson.Import(json), error);
    }

    [Fact]
    public void Import_returns_every_error_of_the_file_in_order()
    {
        var json = """
            { "format": "pingyi-form", "formatVersion": 1, "title": 1,
              "sections": [
                { "items": [ { "kind": "score", "text": "x", "maxScore": "ten", "weight": "one" } ] },
                { "items": [ { "kind": "nope" }, { "kind": "grade", "text": "ok", "required": 0 } ] } ] }
            """;

        AssertErrors(
            FormJson.Import(json),
            "测评表名称（title）应为文字。",
            "第1组第1题：满分（maxScore）应为整数。",
            "第1组第1题：权重（weight）应为整数。",
            "第2组第1题：题型“nope”无法识别。",
            "第2组第2题：是否必答（required）应为 true 或 false。");
    }

    [Fact]
    public void Import_returns_every_rule_the_form_breaks_once_the_file_reads_cleanly()
    {
        var json = Head + """
            "sections": [
              { "items": [ { "kind": "grade", "text": " " } ] },
              { "items": [ { "kind": "singleChoice", "text": "科室", "options": ["门诊"] },
                           { "kind": "multipleChoice", "text": "改进", "options": ["甲", "乙"], "maxChoices": 3 },
                           { "kind": "score", "text": "评分", "maxScore": 101 } ] } ] }
            """;

        AssertErrors(
            FormJson.Import(json),
            "第1组第1题：项目内容不能为空。",
            "第2组第1题：选择题应有2到20个选项。",
            "第2组第2题：多选题最多可选的个数不能超过选项个数。",
            "第2组第3题：评分项目的满分应在1到100之间。");
    }

    [Fact]
    public void Import_refuses_more_sections_than_a_form_may_have()
    {
        var sections = string.Join(",", Enumerable.Repeat("""{ "items": [ { "kind": "grade", "text": "x" } ] }""", FormVersion.MaxSections + 1));

        AssertErrors(FormJson.Import(Head + "\"sections\": [" + sections + "] }"), "测评表最多30个分组，文件中有31个。");
    }

    [Fact]
    public void Import_refuses_more_items_than_a_form_may_have()
    {
        var items = string.Join(",", Enumerable.Repeat("""{ "kind": "grade", "text": "x" }""", 101));
        var section = "{ \"items\": [" + items + "] }";

        AssertErrors(FormJson.Import(Head + "\"sections\": [" + section + "," + section + "] }"), "测评表最多200个评议项目，文件中有202个。");
    }

    [Fact]
    public void Import_refuses_more_options_than_an_item_may_have()
    {
        var options = string.Join(",", Enumerable.Range(1, FormItem.MaxOptions + 1).Select(i => $"\"选项{i}\""));
        var json = Head + "\"sections\": [ { \"items\": [ { \"kind\": \"singleChoice\", \"text\": \"x\", \"options\": [" + options + "] } ] } ] }";

        AssertErrors(FormJson.Import(json), "第1组第1题：选择题最多20个选项，文件中有21个。");
    }

    [Fact]
    public void Import_accepts_a_file_of_exactly_the_size_limit_and_refuses_one_byte_more()
    {
        var json = FormJson.Export(EveryKind());
        var padding = FormJson.MaxBytes - Encoding.UTF8.GetByteCount(json);
        var exact = json + new string(' ', padding);

        Assert.NotNull(FormJson.Import(exact).Version);
        Assert.NotNull(FormJson.Import(new MemoryStream(Encoding.UTF8.GetBytes(exact))).Version);
        AssertErrors(FormJson.Import(exact + " "), "文件太大：测评表文件不能超过256 KB。");
        AssertErrors(FormJson.Import(new MemoryStream(Encoding.UTF8.GetBytes(exact + " "))), "文件太大：测评表文件不能超过256 KB。");
    }

    [Fact]
    public void Import_refuses_an_oversized_stream_without_reading_past_the_limit()
    {
        var stream = new EndlessStream();

        AssertErrors(FormJson.Import(stream), "文件太大：测评表文件不能超过256 KB。");
        Assert.Equal(FormJson.MaxBytes + 1, stream.BytesRead);
    }

    [Fact]
    public void Import_refuses_an_oversized_seekable_stream_before_reading_it()
    {
        var stream = new MemoryStream(new byte[FormJson.MaxBytes + 10]);

        AssertErrors(FormJson.Import(stream), "文件太大：测评表文件不能超过256 KB。");
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Import_refuses_a_stream_that_is_not_utf8()
    {
        var gbk = new byte[] { 0x7B, 0x22, 0xB2, 0xE2, 0xC6, 0xC0, 0x22, 0x7D };

        AssertErrors(FormJson.Import(new MemoryStream(gbk)), "文件不是 UTF-8 编码的文本，请上传本系统导出的测评表文件。");
    }

    [Fact]
    public void Import_never_throws_on_truncated_mutated_or_random_input()
    {
        var random = new Random(20240301);
        var valid = FormJson.Export(BuiltInTemplates.Find("hospital-patient-satisfaction")!.Create());
        var inputs = new List<string>();
        for (var length = 0; length < valid.Length; length += 7)
        {
            inputs.Add(valid[..length]);
        }
        for (var i = 0; i < 500; i++)
        {
            var chars = valid.ToCharArray();
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
            }
            inputs.Add(new string(chars));
        }
        for (var i = 0; i < 500; i++)
        {
            inputs.Add(new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)random.Next(0, 0x10000)).ToArray()));
            inputs.Add(new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => JsonAlphabet[random.Next(JsonAlphabet.Length)]).ToArray()));
        }

        foreach (var input in inputs)
        {
            var result = FormJson.Import(input);
            Assert.True((result.Version is null) != (result.Errors.Count == 0), input);
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            Assert.NotEmpty(FormJson.Import(new MemoryStream(bytes)).Errors);
        }
    }

    private static void AssertErrors(FormJsonResult result, params string[] errors)
    {
        Assert.Null(result.Version);
        Assert.Equal(errors, result.Errors);
    }

    private static string Describe(FormItem i) =>
        $"{i.Position}|{i.Key}|{i.Kind}|{i.Text}|{i.Help}|{i.Required}|{i.Scale}|{i.MaxScore}|{i.Weight}|{i.MaxLength}|{i.MaxChoices}|{string.Join("/", i.Options)}";

    /// <summary>An upload that never ends, counting how much of it was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public int BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, 1000);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
