using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>
/// Evidence files: only PNG, JPEG and PDF by their content, with a matching extension and a plain
/// name, at most 10 MB; a refusal stores nothing; downloads are attachments, for the measure's viewers only.
/// </summary>
public abstract class AttachmentTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Png(int size = 64) => [.. PngHeader, .. RandomNumberGenerator.GetBytes(size)];

    private static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private string Folder => Path.Combine(app.DataDirectory, "attachments");

    private int FilesStored => Directory.Exists(Folder) ? Directory.GetFiles(Folder).Length : 0;

    private async Task<(TestClient Admin, int MeasureId)> MeasureAsync(string title)
    {
        var admin = await app.SignInAsync(AppFixture.AdminA);
        var problemId = await admin.NewProblemAsync(title, app.UnitAId);
        return (admin, await app.AddMeasureAsync(admin, problemId, app.BranchAId));
    }

    [Fact]
    public async Task Hostile_files_are_refused_in_Chinese_and_nothing_is_stored()
    {
        var (admin, measureId) = await MeasureAsync("恶意附件");
        using var _ = admin;
        var before = FilesStored;
        var exe = "MZ\u0090\0\u0003"u8.ToArray().Concat(new byte[200]).ToArray();
        var cases = new (string Name, byte[] Content, string Message)[]
        {
            ("notes.txt", Encoding.UTF8.GetBytes("plain text"), "不是图片或PDF"),
            ("photo.png", exe, "不是图片或PDF"),
            ("report.exe", Pdf(), "扩展名与内容不符"),
            ("scan.png", Pdf(), "扩展名与内容不符"),
            ("photo", Png(), "扩展名与内容不符"),
            ("../../x.png", Png(), "文件名"),
            ("..\\..\\x.png", Png(), "文件名"),
            ("/etc/x.png", Png(), "文件名"),
            ("a\u0001b.png", Png(), "文件名"),
            ("a\nb.png", Png(), "文件名"),
            ("evil\u202Egnp.pdf", Png(), "文件名"),
            ("<script>alert(1)</script>.png", Png(), "文件名"),
            ("empty.png", [], "空文件"),
            ("big.png", [.. PngHeader, .. new byte[MeasureAttachment.MaxBytes - PngHeader.Length + 1]], "附件太大"),
        };
        foreach (var (name, content, message) in cases)
        {
            var response = await admin.UploadAsync(measureId, name, content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.Contains(message, await response.BodyAsync());
        }
        Assert.Equal(before, FilesStored);
        Assert.False(await app.WithDbAsync(db => db.MeasureAttachments.AnyAsync(a => a.MeasureId == measureId)));
        Assert.Equal(MeasureState.Pending, await app.StateAsync(measureId));
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_refused_cleanly()
    {
        var (admin, measureId) = await MeasureAsync("超大请求");
        using var _ = admin;
        var before = FilesStored;
        var response = await admin.UploadAsync(measureId, "huge.png", [.. PngHeader, .. new byte[MeasureAttachment.MaxBytes + 3 * 1024 * 1024]]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("文件太大", await response.BodyAsync());
        Assert.Equal(before, FilesStored);
        Assert.False(await app.WithDbAsync(db => db.MeasureAttachments.AnyAsync(a => a.MeasureId == measureId)));
        Assert.Equal(MeasureState.Pending, await app.StateAsync(measureId));
    }

    [Fact]
    public async Task A_png_and_a_pdf_are_stored_and_downloaded_byte_identical_as_attachments()
    {
        var (admin, measureId) = await MeasureAsync("良好附件");
        using var _ = admin;
        var before = FilesStored;
        var png = Png(5000);
        var pdf = Pdf();
        var longName = new string('图', 150) + ".PNG";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.UploadAsync(measureId, longName, png)).StatusCode);
        await app.WithDbAsync(db => db.Measures.Where(m => m.Id == measureId).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MeasureState.InProgress)));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.UploadAsync(measureId, "整改报告.pdf", pdf)).StatusCode);

        var stored = await app.WithDbAsync(db => db.MeasureAttachments.AsNoTracking().Where(a => a.MeasureId == measureId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(before + 2, FilesStored);
        Assert.Equal("image/png", stored[0].ContentType);
        Assert.Equal(MeasureAttachment.FileNameMaxLength, stored[0].FileName.Length);
        Assert.EndsWith(".PNG", stored[0].FileName);
        Assert.Equal("application/pdf", stored[1].ContentType);
        Assert.All(stored, a => Assert.Matches("^[0-9a-f]{32}$", a.StoredName));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), stored[0].Sha256);
        Assert.All(stored, a => Assert.True(File.Exists(Path.Combine(Folder, a.StoredName))));

        foreach (var (attachment, content) in new[] { (stored[0], png), (stored[1], pdf) })
        {
            var response = await admin.GetAsync($"/Measures/Attachment/{attachment.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(attachment.FileName, response.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal(attachment.ContentType, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        Assert.Contains("整改报告.pdf", await admin.GetHtmlAsync($"/Measures/Detail/{measureId}"));
    }

    [Fact]
    public async Task A_neighbours_attachment_answers_404()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var problemId = await sys.NewProblemAsync("乙医院附件", app.UnitBId);
        var measureId = await app.AddMeasureAsync(sys, problemId, app.UnitBId);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.UploadAsync(measureId, "乙.png", Png())).StatusCode);
        var attachmentId = await app.WithDbAsync(db => db.MeasureAttachments.Where(a => a.MeasureId == measureId).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await sys.GetAsync($"/Measures/Attachment/{attachmentId}")).StatusCode);

        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var response = await admin.GetAsync($"/Measures/Attachment/{attachmentId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("乙.png", await response.BodyAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.UploadAsync(measureId, "甲.png", Png())).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.MeasureAttachments.CountAsync(a => a.MeasureId == measureId)));
    }
}

public sealed class SqliteAttachmentTests(SqliteAppFixture app) : AttachmentTests<SqliteAppFixture>(app);

public sealed class PostgresAttachmentTests(PostgresAppFixture app) : AttachmentTests<PostgresAppFixture>(app);
