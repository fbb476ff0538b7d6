using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EvalSystem.Web.Data;

namespace EvalSystem.Web.Features.EvidenceFiles;

/// <summary>
/// Keeps the bytes of 佐证材料 (evidence files) in one folder outside the web root. Uploads are streamed
/// to a temporary file while their size and SHA-256 are measured, their type is sniffed from the bytes
/// and must agree with the extension, and only then are they renamed to a generated name.
/// </summary>
public sealed partial class EvidenceStore
{
    private const int BufferSize = 81920;
    private const int HeaderSize = 8;
    private const int MaxFileNameLength = 255;
    private const string StoredExtension = ".bin";
    private const string TempPrefix = ".upload-";

    private const string Pdf = "application/pdf";
    private const string Png = "image/png";
    private const string Jpeg = "image/jpeg";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>What a DOCX or XLSX looks like from its first bytes; never returned as a content type.</summary>
    private const string ZipKind = "application/zip";

    private const string AcceptedTypes = "PDF、PNG、JPEG、DOCX、XLSX";
    private const string AcceptedExtensions = ".pdf、.png、.jpg、.jpeg、.docx、.xlsx";

    /// <summary>Accepted extensions and the content type their bytes must have.</summary>
    private static readonly Dictionary<string, string> ContentTypeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".docx"] = Docx,
        [".xlsx"] = Xlsx,
    };

    private readonly EvidenceOptions _options;

    public EvidenceStore(EvidenceOptions options, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        if (string.IsNullOrWhiteSpace(options.Folder))
            throw new StartupException("配置项 Evidence:Folder 不能为空。 Evidence:Folder must not be empty.");
        if (options.MaxFileBytes <= 0)
            throw new StartupException($"配置项 Evidence:MaxFileBytes 必须大于 0（当前为 {options.MaxFileBytes}）。 Evidence:MaxFileBytes must be positive.");
        if (options.MaxSubmissionBytes <= 0)
            throw new StartupException($"配置项 Evidence:MaxSubmissionBytes 必须大于 0（当前为 {options.MaxSubmissionBytes}）。 Evidence:MaxSubmissionBytes must be positive.");
        _options = options;
        // Relative paths would resolve against the working directory; anchor them at the content root.
        FolderPath = Path.GetFullPath(Path.IsPathRooted(options.Folder) ? options.Folder : Path.Combine(contentRootPath, options.Folder));
        EnsureFolder();
    }

    /// <summary>The absolute path of the evidence folder.</summary>
    public string FolderPath { get; }

    /// <summary>
    /// Streams <paramref name="content"/> into the evidence folder under a generated name. Refuses, with an
    /// <see cref="EvidenceRejectedException"/> naming the file, an unusable file name, an empty or oversize file,
    /// a file that would take the submission over its total, and content that is not PDF, PNG, JPEG, DOCX or
    /// XLSX or does not match the extension. Nothing is left in the folder when a file is refused or cancelled.
    /// </summary>
    /// <param name="alreadyStoredBytes">The bytes the submission already holds, for <see cref="EvidenceOptions.MaxSubmissionBytes"/>.</param>
    public async Task<StoredFile> SaveAsync(Stream content, string originalFileName, long alreadyStoredBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyStoredBytes);
        if (!content.CanRead)
            throw new ArgumentException("The upload stream must be readable.", nameof(content));
        var expectedType = ValidateFileName(originalFileName);
        var name = Display(originalFileName);

        var submissionRoom = _options.MaxSubmissionBytes - alreadyStoredBytes;
        if (submissionRoom <= 0)
            throw SubmissionFull(name, alreadyStoredBytes);
        var limit = Math.Min(_options.MaxFileBytes, submissionRoom);

        EnsureFolder();
        var tempPath = Path.Combine(FolderPath, TempPrefix + Guid.NewGuid().ToString("N") + ".tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long size;
            string sha256;
            await using (var file = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            }))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var header = new byte[HeaderSize];
                var headerLength = 0;
                var sniffed = false;
                size = 0;
                while (true)
                {
                    // Never ask for more than one byte past the limit, so an oversize upload is not read further.
                    var wanted = (int)Math.Min(BufferSize, limit - size + 1);
                    var read = await content.ReadAsync(buffer.AsMemory(0, wanted), ct);
                    if (read == 0)
                        break;
                    size += read;
                    if (size > limit)
                    {
                        throw size > _options.MaxFileBytes
                            ? new EvidenceRejectedException($"文件「{name}」超过单个文件大小上限 {FormatSize(_options.MaxFileBytes)}，请压缩或拆分后重新上传。")
                            : SubmissionFull(name, alreadyStoredBytes);
                    }
                    if (headerLength < HeaderSize)
                    {
                        var take = Math.Min(HeaderSize - headerLength, read);
                        buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                    }
                    if (!sniffed && headerLength == HeaderSize)
                    {
                        // Refuse a wrong type as soon as its first bytes are known.
                        EnsureHeaderMatches(header, name, expectedType);
                        sniffed = true;
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (size == 0)
                    throw new EvidenceRejectedException($"文件「{name}」是空文件（0 字节），请选择有内容的文件。");
                if (!sniffed)
                    EnsureHeaderMatches(header.AsSpan(0, headerLength), name, expectedType);
                await file.FlushAsync(ct);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());

                if (expectedType is Docx or Xlsx)
                {
                    file.Position = 0;
                    EnsureOfficePackage(file, name, expectedType);
                }
            }

            var storedName = Guid.NewGuid().ToString("N") + StoredExtension;
            File.Move(tempPath, Path.Combine(FolderPath, storedName), overwrite: false);
            return new StoredFile(storedName, expectedType, size, sha256);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Opens a stored file for reading; <paramref name="storedName"/> must be a name this store generated.</summary>
    public Stream OpenRead(string storedName) =>
        new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Deletes a stored file (a draft's evidence); a file already gone is not an error.</summary>
    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    /// <summary>
    /// The content type of a file from its first bytes (at least 8 are needed for PNG), or null when the bytes are
    /// not PDF, PNG, JPEG or a ZIP, or the extension of <paramref name="originalFileName"/> does not match them.
    /// A ZIP is reported as the DOCX or XLSX type its extension names; <see cref="SaveAsync"/> then confirms it
    /// from the package's central directory.
    /// </summary>
    public static string? SniffContentType(ReadOnlySpan<byte> header, string originalFileName)
    {
        return ContentTypeByExtension.TryGetValue(Path.GetExtension(originalFileName ?? string.Empty), out var expected)
            && Matches(SniffKind(header), expected)
                ? expected
                : null;
    }

    private static bool Matches(string? sniffed, string expected) =>
        sniffed == expected || (sniffed == ZipKind && expected is Docx or Xlsx);

    private static string? SniffKind(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
            return Pdf;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
            return ZipKind;
        return null;
    }

    private static void EnsureHeaderMatches(ReadOnlySpan<byte> header, string name, string expectedType)
    {
        var sniffed = SniffKind(header);
        if (Matches(sniffed, expectedType))
            return;
        throw sniffed switch
        {
            null => new EvidenceRejectedException($"文件「{name}」的内容不是 {AcceptedTypes} 中的任何一种，请另存为这些格式后重新上传。"),
            var actual => new EvidenceRejectedException(
                $"文件「{name}」的内容是 {Describe(actual)}，与扩展名 {Path.GetExtension(name)}（{Describe(expectedType)}）不符，请使用正确的扩展名或转换格式后重新上传。"),
        };
    }

    private static void EnsureOfficePackage(Stream file, string name, string expectedType)
    {
        var (part, label) = expectedType == Docx ? ("word/document.xml", "Word (DOCX)") : ("xl/workbook.xml", "Excel (XLSX)");
        bool found;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            found = zip.Entries.Any(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            // A damaged or truncated central directory.
            throw new EvidenceRejectedException($"文件「{name}」已损坏或不是有效的 {label} 文件，请在 Office 中重新保存后上传。");
        }
        if (!found)
            throw new EvidenceRejectedException($"文件「{name}」不是有效的 {label} 文件（缺少 {part}），请在 Office 中另存为 {label} 后重新上传。");
    }

    /// <summary>Checks the user's file name and returns the content type its extension promises.</summary>
    private static string ValidateFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
            throw new EvidenceRejectedException("文件名为空，请选择一个有文件名的文件。");
        var name = Display(fileName);
        if (fileName.Length > MaxFileNameLength)
            throw new EvidenceRejectedException($"文件名「{name}」过长（{fileName.Length} 个字符，最多 {MaxFileNameLength} 个），请改短后重新上传。");
        if (fileName.Any(char.IsControl))
            throw new EvidenceRejectedException($"文件名「{name}」包含控制字符，请重命名后重新上传。");
        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.Contains("..", StringComparison.Ordinal))
            throw new EvidenceRejectedException($"文件名「{name}」不能包含路径（“/”“\\”或“..”），请重命名后重新上传。");
        return ContentTypeByExtension.TryGetValue(Path.GetExtension(fileName), out var type)
            ? type
            : throw new EvidenceRejectedException($"文件「{name}」的类型不被接受，只接受 {AcceptedExtensions} 文件（不接受旧版 .doc/.xls、压缩包、网页或程序）。");
    }

    private EvidenceRejectedException SubmissionFull(string name, long alreadyStoredBytes) =>
        new($"添加文件「{name}」后，本次填报的佐证材料将超过总大小上限 {FormatSize(_options.MaxSubmissionBytes)}（已上传 {FormatSize(alreadyStoredBytes)}），请删除不需要的材料或压缩后重新上传。");

    private string PathOf(string storedName)
    {
        if (storedName is null || !StoredNamePattern().IsMatch(storedName))
            throw new ArgumentException($"「{storedName}」不是佐证材料的存储名。 '{storedName}' is not an evidence stored name.", nameof(storedName));
        return Path.Combine(FolderPath, storedName);
    }

    /// <summary>
    /// Deletes temporary upload files older than <paramref name="olderThan"/> (an upload cut off by a crash or restart);
    /// younger ones may belong to an upload still running in another instance sharing the folder. Returns how many were removed.
    /// </summary>
    public int RemoveAbandonedUploads(TimeSpan olderThan)
    {
        var cutoff = DateTime.UtcNow - olderThan;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(FolderPath, TempPrefix + "*.tmp"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) >= cutoff)
                    continue;
                File.Delete(path);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still open or not ours to delete: try again at the next start.
            }
        }
        return removed;
    }

    private void EnsureFolder()
    {
        try
        {
            Directory.CreateDirectory(FolderPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"佐证材料目录 {FolderPath} 无法创建或不可写，请检查配置项 Evidence:Folder 和目录权限。 The evidence folder cannot be created.", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The refusal is what the caller needs to see; a leftover temp file never matches a stored name.
        }
    }

    /// <summary>The user's file name made safe to show: control characters replaced, very long names shortened.</summary>
    private static string Display(string fileName)
    {
        var safe = string.Concat(fileName.Select(c => char.IsControl(c) ? '?' : c));
        return safe.Length <= 80 ? safe : string.Concat(safe.AsSpan(0, 40), "…", safe.AsSpan(safe.Length - 20));
    }

    private static string Describe(string contentType) => contentType switch
    {
        Pdf => "PDF",
        Png => "PNG 图片",
        Jpeg => "JPEG 图片",
        Docx => "Word (DOCX)",
        Xlsx => "Excel (XLSX)",
        _ => "ZIP 压缩包",
    };

    private static string FormatSize(long bytes)
    {
        const double Mb = 1024 * 1024;
        return bytes >= Mb / 100
            ? (bytes / Mb).ToString("0.##", CultureInfo.InvariantCulture) + " MB"
            : (bytes / 1024.0).ToString("0.##", CultureInfo.InvariantCulture) + " KB";
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.bin\\z")]
    private static partial Regex StoredNamePattern();
}
