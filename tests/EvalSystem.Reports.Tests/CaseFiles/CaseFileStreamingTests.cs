using System.Runtime.CompilerServices;
using Xunit.Abstractions;
using EvalSystem.Reports.CaseFiles;
using static EvalSystem.Reports.Tests.CaseFiles.CaseFileSamples;

namespace EvalSystem.Reports.Tests.CaseFiles;

/// <summary>
/// Measures heap, so it runs alone: xUnit runs a collection that disables parallelization after the others, by itself.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Memory measuring";
}

/// <summary>A 200 000-row generated case file (≈ 30 MB) on disk, shared by the streaming tests.</summary>
public sealed class LargeCaseFile : IDisposable
{
    public const int Rows = 200_000;

    private readonly TempFile _file = new();

    public LargeCaseFile()
    {
        using var stream = File.Create(_file.Path);
        CaseFileGenerator.WriteCsv(stream, Rows, seed: 2025, Departments, Regions);
    }

    public string Path => _file.Path;

    public void Dispose() => _file.Dispose();
}

/// <summary>
/// The readers stream: they read the file as rows are asked for, keep no row once returned, and allocate a bounded
/// amount per row. Allocation is counted per thread, which other tests cannot disturb; retained heap is measured after
/// full collections, in a collection that runs alone.
/// </summary>
[Collection(MemoryMeasuringCollection.Name)]
public class CaseFileStreamingTests(LargeCaseFile file, ITestOutputHelper output) : IClassFixture<LargeCaseFile>
{
    // A row is ~130 bytes of UTF-8; parsing it allocates the case number, the record, its ParsedRow and, for one row in
    // twenty, the stages; repeated codes and names come from a cache. Measured ≈ 340 bytes per row for cases and ratings.
    private const long MaxAllocatedBytesPerRow = 1_000;

    private const long MaxRetainedBytes = 16 << 20;

    [Fact]
    public void Read_GeneratedFile_ReadsEveryRowWithoutErrorsAndBoundedAllocationPerRow()
    {
        using var stream = File.OpenRead(file.Path);
        var rows = 0;
        var invalid = 0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var row in CaseFileReader.Read(stream, "办件.csv"))
        {
            rows++;
            if (!row.IsValid)
                invalid++;
        }
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / rows;
        output.WriteLine($"cases CSV: {perRow} bytes allocated per row");

        Assert.Equal((LargeCaseFile.Rows, 0), (rows, invalid));
        Assert.True(perRow < MaxAllocatedBytesPerRow, $"{perRow} bytes allocated per row");
    }

    [Fact]
    public void Read_FirstRow_IsReturnedAfterReadingOnlyTheStartOfTheFile()
    {
        using var stream = File.OpenRead(file.Path);
        using var rows = CaseFileReader.Read(stream, "办件.csv").GetEnumerator();

        Assert.True(rows.MoveNext());

        Assert.True(stream.Length > 10 << 20);
        Assert.True(stream.Position < 256 << 10, $"read {stream.Position:N0} of {stream.Length:N0} bytes for the first row");
    }

    [Fact]
    public void Read_HalfTheFile_RetainsNoMoreHeapThanAtTheFirstRow()
    {
        using var stream = File.OpenRead(file.Path);
        using var rows = CaseFileReader.Read(stream, "办件.csv").GetEnumerator();
        var first = NextRowWeakly(rows);
        var atFirstRow = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < LargeCaseFile.Rows / 2; i++)
            Assert.True(rows.MoveNext());
        var atHalf = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"cases CSV: {(atHalf - atFirstRow) / 1024:N0} KB retained after {LargeCaseFile.Rows / 2:N0} rows");

        Assert.False(first.IsAlive, "the first row is still referenced");
        Assert.True(atHalf - atFirstRow < MaxRetainedBytes, $"{(atHalf - atFirstRow) / 1024:N0} KB retained after {LargeCaseFile.Rows / 2:N0} rows");
    }

    [Fact]
    public void Read_GeneratedRatings_ReadsEveryRowWithBoundedAllocationAndRetention()
    {
        const int count = 50_000;
        using var temp = new TempFile();
        using (var output = File.Create(temp.Path))
            RatingFileGenerator.WriteCsv(output, count, seed: 11, Departments, Regions);
        using var stream = File.OpenRead(temp.Path);
        using var rows = RatingFileReader.Read(stream, "好差评.csv").GetEnumerator();
        Assert.True(rows.MoveNext());
        var atFirstRow = GC.GetTotalMemory(forceFullCollection: true);
        var read = 1;
        var invalid = rows.Current.IsValid ? 0 : 1;

        var before = GC.GetAllocatedBytesForCurrentThread();
        while (rows.MoveNext())
        {
            read++;
            if (!rows.Current.IsValid)
                invalid++;
        }
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / (read - 1);
        var atEnd = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"ratings CSV: {perRow} bytes allocated per row, {(atEnd - atFirstRow) / 1024:N0} KB retained");

        Assert.Equal((count, 0), (read, invalid));
        Assert.True(perRow < MaxAllocatedBytesPerRow, $"{perRow} bytes allocated per row");
        Assert.True(atEnd - atFirstRow < MaxRetainedBytes, $"{(atEnd - atFirstRow) / 1024:N0} KB retained");
    }

    [Fact]
    public void Read_LargeXlsx_ReadsRowByRowWithBoundedRetention()
    {
        const int count = 10_000;
        using var temp = new TempFile();
        WriteXlsx(temp.Path, count);
        using var stream = File.OpenRead(temp.Path);
        var beforeOpening = GC.GetTotalMemory(forceFullCollection: true);
        using var rows = CaseFileReader.Read(stream, "办件.xlsx").GetEnumerator();
        Assert.True(rows.MoveNext());
        var atFirstRow = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"cases xlsx: {(atFirstRow - beforeOpening) / 1024:N0} KB held at the first row of a {stream.Length / 1024:N0} KB workbook");
        var read = 1;

        var before = GC.GetAllocatedBytesForCurrentThread();
        while (rows.MoveNext())
        {
            Assert.True(rows.Current.IsValid, rows.Current.ToString());
            read++;
        }
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / (read - 1);
        var atEnd = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"cases xlsx: {perRow} bytes allocated per row, {(atEnd - atFirstRow) / 1024:N0} KB retained");

        Assert.Equal(count, read);
        // A reader that loaded the worksheet would hold megabytes before the first row.
        Assert.True(atFirstRow - beforeOpening < 4 << 20, $"{(atFirstRow - beforeOpening) / 1024:N0} KB held at the first row");
        // MiniExcel builds a dictionary of boxed cells per row through an XmlReader: measured ≈ 12 KB per row of 12
        // columns, forty times the CSV reader, but garbage at once and the same for every row.
        Assert.True(perRow < 32 * MaxAllocatedBytesPerRow, $"{perRow} bytes allocated per row");
        Assert.True(atEnd - atFirstRow < MaxRetainedBytes, $"{(atEnd - atFirstRow) / 1024:N0} KB retained");
    }

    // Separate, so the generated table and workbook bytes are garbage before the test measures.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteXlsx(string path, int rows)
    {
        using var csv = new MemoryStream();
        CaseFileGenerator.WriteCsv(csv, rows, seed: 3, Departments, Regions);
        File.WriteAllBytes(path, Xlsx(CsvToTable(csv.ToArray())));
    }

    // Separate, so no stack slot of the test method holds the row while the test checks that nothing else does.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference NextRowWeakly(IEnumerator<ParsedRow<CaseFileRow>> rows)
    {
        Assert.True(rows.MoveNext());
        return new WeakReference(rows.Current);
    }
}
