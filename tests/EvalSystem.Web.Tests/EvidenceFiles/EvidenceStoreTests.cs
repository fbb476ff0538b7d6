using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.EvidenceFiles;
using EvidenceEntity = EvalSystem.Domain.Submissions.Evidence;

// Not EvalSystem.Web.Tests.Evidence: a namespace of that name would hide the Evidence entity from
// every other test namespace under EvalSystem.Web.Tests (e.g. Data.PersistenceTests).
namespace EvalSystem.Web.Tests.EvidenceFiles;

public sealed class EvidenceStoreTests : IDisposable
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "evidence-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private EvidenceStore Store(long maxFileBytes = 20 * 1024 * 1024, long maxSubmissionBytes = 100 * 1024 * 1024) =>
        new(new EvidenceOptions { Folder = "App_Data/evidence", MaxFileBytes = maxFileBytes, MaxSubmissionBytes = maxSubmissionBytes }, _root);

    private static byte[] Pdf(int size = 300) => Pad("%PDF-1.7\n"u8.ToArray(), size);
    private static byte[] Png(int size = 300) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);
    private static byte[] Jpeg(int size = 300) => Pad([0xFF, 0xD8, 0xFF, 0xE0], size);

    private static byte[] Pad(byte[] header, int size)
    {
        var bytes = new byte[size];
        header.CopyTo(bytes, 0);
        for (var i = header.Length; i < size; i++)
            bytes[i] = (byte)(i * 31);
        return bytes;
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><root/>");
            }
        }
        return buffer.ToArray();
    }

    private static byte[] MinimalDocx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    private static byte[] MinimalXlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    private string[] FilesInFolder(EvidenceStore store) => Directory.GetFiles(store.FolderPath);

    public static TheoryData<string, string> AllowedFiles => new()
    {
        { "报告.pdf", "application/pdf" },
        { "现场照片.png", "image/png" },
        { "现场照片.jpg", "image/jpeg" },
        { "现场照片.JPEG", "image/jpeg" },
        { "说明.docx", DocxType },
        { "台账.xlsx", XlsxType },
    };

    private static byte[] BytesFor(string contentType) => contentType switch
    {
        "application/pdf" => Pdf(),
        "image/png" => Png(),
        "image/jpeg" => Jpeg(),
        DocxType => MinimalDocx(),
        _ => MinimalXlsx(),
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public async Task SaveAsync_AllowedType_IsStoredWithSniffedTypeSizeAndHash(string fileName, string contentType)
    {
        var store = Store();
        var bytes = BytesFor(contentType);

        var stored = await store.SaveAsync(new MemoryStream(bytes), fileName, 0, CancellationToken.None);

        Assert.Equal(contentType, stored.ContentType);
        Assert.Contains(stored.ContentType, EvidenceEntity.AllowedContentTypes);
        Assert.Equal(bytes.Length, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Matches("^[0-9a-f]{32}\\.bin$", stored.StoredName);
        Assert.Equal([Path.Combine(store.FolderPath, stored.StoredName)], FilesInFolder(store));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(store.FolderPath, stored.StoredName)));
    }

    [Fact]
    public async Task RemoveAbandonedUploads_DeletesOnlyOldTemporaryFiles()
    {
        var store = Store();
        var stored = await store.SaveAsync(new MemoryStream(Pdf()), "a.pdf", 0, CancellationToken.None);
        var old = Path.Combine(store.FolderPath, ".upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        var recent = Path.Combine(store.FolderPath, ".upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllBytesAsync(old, [1, 2, 3]);
        await File.WriteAllBytesAsync(recent, [1, 2, 3]);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));

        var removed = store.RemoveAbandonedUploads(TimeSpan.FromHours(1));

        Assert.Equal(1, removed);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent)); // may be an upload still running in another instance
        Assert.True(File.Exists(Path.Combine(store.FolderPath, stored.StoredName)));
    }

    [Fact]
    public async Task SaveAsync_StoredFile_IsAcceptedByTheEvidenceEntity()
    {
        var stored = await Store().SaveAsync(new MemoryStream(Pdf()), "报告.pdf", 0, CancellationToken.None);

        var evidence = new EvidenceEntity(Guid.NewGuid(), 0, "报告.pdf", stored.StoredName, stored.ContentType, stored.SizeBytes,
            stored.Sha256, new EvalSystem.Domain.Common.UserRef("tester", "测试"), DateTime.UtcNow);

        Assert.Equal(stored.Sha256, evidence.Sha256);
    }

    public static TheoryData<string, byte[], string> RejectedContent => new()
    {
        { "照片其实是.pdf", Png(), "PNG" },
        { "报告其实是.xlsx", Pdf(), "PDF" },
        { "纯文本.pdf", Encoding.UTF8.GetBytes("这只是一段文字，不是 PDF。"), "不是" },
        { "压缩包.docx", Zip("readme.txt", "data/a.xml"), "word/document.xml" },
        { "表格其实是文档.xlsx", MinimalDocx(), "xl/workbook.xml" },
        { "坏压缩包.docx", Pad([0x50, 0x4B, 0x03, 0x04], 200), "损坏" },
        { "截断的表格.xlsx", MinimalXlsx()[..^30], "损坏" },
        { "程序.pdf", Pad("MZ"u8.ToArray(), 300), "不是" },
        { "程序.exe", Pad("MZ"u8.ToArray(), 300), ".exe" },
        { "旧文档.doc", Pad([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 300), "不被接受" },
        { "旧表格.xls", Pad([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 300), "不被接受" },
        { "打包.zip", Zip("word/document.xml"), "不被接受" },
        { "网页.html", Encoding.UTF8.GetBytes("<html><body>hi</body></html>"), "不被接受" },
        { "空文件.pdf", [], "空文件" },
    };

    [Theory]
    [MemberData(nameof(RejectedContent))]
    public async Task SaveAsync_DisallowedOrMislabelledContent_IsRejectedNamingTheFile_AndLeavesNothing(string fileName, byte[] bytes, string reason)
    {
        var store = Store();

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream(bytes), fileName, 0, CancellationToken.None));

        Assert.Contains($"「{fileName}」", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.Empty(FilesInFolder(store));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "路径")]
    [InlineData("a/b.pdf", "路径")]
    [InlineData("a\\b.pdf", "路径")]
    [InlineData("a..b.pdf", "路径")]
    public async Task SaveAsync_FileNameWithPath_IsRejectedNamingTheFile(string fileName, string reason)
    {
        var store = Store();

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream(Pdf()), fileName, 0, CancellationToken.None));

        Assert.Contains($"「{fileName}」", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.Empty(FilesInFolder(store));
    }

    [Fact]
    public async Task SaveAsync_FileNameWithControlCharacter_IsRejectedNamingTheFileSafely()
    {
        var store = Store();

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream(Pdf()), "a\u0001.pdf", 0, CancellationToken.None));

        Assert.Contains("「a?.pdf」", ex.Message);
        Assert.Contains("控制字符", ex.Message);
        Assert.Empty(FilesInFolder(store));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SaveAsync_EmptyFileName_IsRejected(string fileName)
    {
        var store = Store();

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream(Pdf()), fileName, 0, CancellationToken.None));

        Assert.Contains("文件名为空", ex.Message);
        Assert.Empty(FilesInFolder(store));
    }

    [Fact]
    public async Task SaveAsync_FileNameLongerThan255Characters_IsRejected()
    {
        var store = Store();
        var fileName = new string('长', 252) + ".pdf";

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream(Pdf()), fileName, 0, CancellationToken.None));

        Assert.Contains("过长", ex.Message);
        Assert.Contains("长长长", ex.Message);
        Assert.Empty(FilesInFolder(store));
    }

    [Fact]
    public async Task SaveAsync_OversizeFile_IsRejectedSayingTheLimit_AndStopsReadingAtTheLimit()
    {
        var store = Store(maxFileBytes: 1024);
        var source = new CountingStream(new MemoryStream(Pdf(2048)));

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(source, "大文件.pdf", 0, CancellationToken.None));

        Assert.Contains("「大文件.pdf」", ex.Message);
        Assert.Contains("1 KB", ex.Message);
        Assert.Equal(1025, source.BytesRead);
        Assert.Empty(FilesInFolder(store));
    }

    [Fact]
    public async Task SaveAsync_OversizeFile_SaysTheLimitInMegabytes()
    {
        var store = Store(maxFileBytes: 2 * 1024 * 1024);

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream(Pdf(2 * 1024 * 1024 + 1)), "扫描件.pdf", 0, CancellationToken.None));

        Assert.Contains("「扫描件.pdf」", ex.Message);
        Assert.Contains("2 MB", ex.Message);
        Assert.Empty(FilesInFolder(store));
    }

    [Fact]
    public async Task SaveAsync_FileExactlyAtTheLimit_IsAccepted()
    {
        var store = Store(maxFileBytes: 1024);

        var stored = await store.SaveAsync(new MemoryStream(Pdf(1024)), "刚好.pdf", 0, CancellationToken.None);

        Assert.Equal(1024, stored.SizeBytes);
    }

    [Fact]
    public async Task SaveAsync_SubmissionTotalOverTheLimit_IsRejectedUsingAlreadyStoredBytes()
    {
        var store = Store(maxFileBytes: 4096, maxSubmissionBytes: 5000);

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream(Pdf(1000)), "第三份.pdf", 4500, CancellationToken.None));

        Assert.Contains("「第三份.pdf」", ex.Message);
        Assert.Contains("总大小上限", ex.Message);
        Assert.Empty(FilesInFolder(store));
        // The same file fits when the submission holds less.
        var stored = await store.SaveAsync(new MemoryStream(Pdf(1000)), "第三份.pdf", 4000, CancellationToken.None);
        Assert.Equal(1000, stored.SizeBytes);
    }

    [Fact]
    public async Task SaveAsync_SubmissionAlreadyFull_IsRejectedBeforeReading()
    {
        var store = Store(maxSubmissionBytes: 5000);
        var source = new CountingStream(new MemoryStream(Pdf()));

        var ex = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(source, "再加一份.pdf", 5000, CancellationToken.None));

        Assert.Contains("「再加一份.pdf」", ex.Message);
        Assert.Equal(0, source.BytesRead);
        Assert.Empty(FilesInFolder(store));
    }

    [Theory]
    [InlineData("application/pdf", "报告.pdf")]
    [InlineData(DocxType, "说明.docx")]
    public async Task SaveAsync_StreamReadInSmallChunks_StoresTheSameBytes(string contentType, string fileName)
    {
        var store = Store();
        var bytes = contentType == DocxType ? MinimalDocx() : Pdf(100_000);

        var stored = await store.SaveAsync(new TrickleStream(bytes, 7), fileName, 0, CancellationToken.None);

        Assert.Equal(contentType, stored.ContentType);
        Assert.Equal(bytes.Length, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        await using var read = store.OpenRead(stored.StoredName);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task SaveAsync_TinyFilesShorterThanTheHeader_AreSniffedFromWhatThereIs()
    {
        var store = Store();

        var stored = await store.SaveAsync(new TrickleStream("%PDF-"u8.ToArray(), 2), "短.pdf", 0, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<EvidenceRejectedException>(() => store.SaveAsync(new MemoryStream([0x89, 0x50]), "半个.png", 0, CancellationToken.None));

        Assert.Equal(("application/pdf", 5L), (stored.ContentType, stored.SizeBytes));
        Assert.Contains("「半个.png」", refused.Message);
        Assert.Single(FilesInFolder(store));
    }

    [Fact]
    public async Task SaveAsync_Cancelled_LeavesNothing()
    {
        var store = Store();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(new MemoryStream(Pdf()), "报告.pdf", 0, cts.Token));

        Assert.Empty(FilesInFolder(store));
    }

    [Fact]
    public async Task SaveAsync_StoredName_IsNeverDerivedFromTheUserFileName()
    {
        var store = Store();

        var first = await store.SaveAsync(new MemoryStream(Pdf()), "same.pdf", 0, CancellationToken.None);
        var second = await store.SaveAsync(new MemoryStream(Pdf()), "same.pdf", 0, CancellationToken.None);

        Assert.NotEqual(first.StoredName, second.StoredName);
        Assert.DoesNotContain("same", first.StoredName);
        Assert.Equal(2, FilesInFolder(store).Length);
    }

    [Fact]
    public void Constructor_RelativeFolder_IsCreatedUnderTheContentRoot()
    {
        var store = Store();

        Assert.Equal(Path.Combine(_root, "App_Data", "evidence"), store.FolderPath);
        Assert.True(Directory.Exists(store.FolderPath));
    }

    [Fact]
    public void Constructor_AbsoluteFolder_IsUsedAsIs()
    {
        var folder = Path.Combine(_root, "elsewhere");

        var store = new EvidenceStore(new EvidenceOptions { Folder = folder }, "/srv/app");

        Assert.Equal(folder, store.FolderPath);
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void Constructor_NonPositiveLimit_IsAStartupErrorNamingTheSetting()
    {
        var ex = Assert.Throws<StartupException>(() => new EvidenceStore(new EvidenceOptions { MaxFileBytes = 0 }, _root));

        Assert.Contains("Evidence:MaxFileBytes", ex.Message);
    }

    [Fact]
    public async Task OpenRead_ReturnsTheStoredBytes()
    {
        var store = Store();
        var bytes = Png(5000);
        var stored = await store.SaveAsync(new MemoryStream(bytes), "照片.png", 0, CancellationToken.None);

        await using var read = store.OpenRead(stored.StoredName);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Delete_RemovesTheStoredFile()
    {
        var store = Store();
        var stored = await store.SaveAsync(new MemoryStream(Pdf()), "草稿.pdf", 0, CancellationToken.None);

        store.Delete(stored.StoredName);
        store.Delete(stored.StoredName);

        Assert.Empty(FilesInFolder(store));
        Assert.Throws<FileNotFoundException>(() => store.OpenRead(stored.StoredName));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("..\\x.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef.bin/../../x")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.bin")]
    [InlineData(".upload-0123456789abcdef0123456789abcdef.tmp")]
    [InlineData("")]
    public void OpenReadAndDelete_RefuseNamesThatAreNotOurs(string storedName)
    {
        var store = Store();
        var outside = Path.Combine(_root, "x");
        File.WriteAllText(outside, "keep me");

        Assert.Throws<ArgumentException>(() => store.OpenRead(storedName));
        Assert.Throws<ArgumentException>(() => store.Delete(storedName));
        Assert.True(File.Exists(outside));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "a.pdf", "application/pdf")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "a.PDF", "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a.png", "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 }, "a.jpeg", "image/jpeg")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "a.docx", DocxType)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "a.xlsx", XlsxType)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a.pdf", null)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "a.zip", null)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "a.exe", null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, "a.pdf", null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "a", null)]
    public void SniffContentType_NeedsMatchingBytesAndExtension(byte[] header, string fileName, string? expected)
    {
        Assert.Equal(expected, EvidenceStore.SniffContentType(header, fileName));
    }

    /// <summary>Counts what was read, to prove an oversize upload is not read to its end.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Returns at most a few bytes per read, like a slow network upload.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
