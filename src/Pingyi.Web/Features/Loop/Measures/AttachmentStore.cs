using System.Security.Cryptography;

namespace Pingyi.Web.Features.Loop.Measures;

/// <summary>
/// Evidence files on disk: the folder "attachments" of the data directory (Database:DataDirectory,
/// by default App_Data beside the app), outside wwwroot so nothing is ever served as a static file.
/// Each file has a random 32-hex name; the uploaded name lives only in the database.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration, IWebHostEnvironment environment)
{
    public string Folder { get; } = Path.Combine(
        configuration["Database:DataDirectory"] ?? Path.Combine(environment.ContentRootPath, "App_Data"), "attachments");

    /// <summary>Writes the content under a new random name; returns the name and the SHA-256 (lower-case hex).</summary>
    public async Task<(string StoredName, string Sha256)> WriteAsync(byte[] content)
    {
        Directory.CreateDirectory(Folder);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var file = new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await file.WriteAsync(content);
        }
        return (name, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public Stream OpenRead(string storedName) => new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read);

    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    private string PathOf(string storedName) =>
        storedName.Length == Domain.Loop.MeasureAttachment.StoredNameLength && storedName.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Folder, storedName)
            : throw new ArgumentException("Not a stored attachment name.", nameof(storedName));
}
