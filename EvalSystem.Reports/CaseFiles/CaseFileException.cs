using EvalSystem.Reports.IndicatorSystems;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// The file as a whole cannot be read: it is empty, of an unsupported type, a damaged workbook, or its header row lacks a
/// required column or repeats one. Thrown by <see cref="CaseFileReader.Read"/> and <see cref="RatingFileReader.Read"/>
/// before any row is returned, or — for damage found further into the file, such as an unclosed quote in a CSV or a
/// broken worksheet — while the rows are enumerated. Every <see cref="Errors"/> message is a Chinese sentence the
/// uploader can act on; <see cref="Exception.Message"/> joins them one per line.
/// </summary>
public sealed class CaseFileException : Exception
{
    public CaseFileException(IReadOnlyList<ImportError> errors, Exception? innerException = null)
        : base(string.Join("\n", errors), innerException)
    {
        if (errors.Count == 0)
            throw new ArgumentException("A file error needs at least one message.", nameof(errors));
        Errors = errors;
    }

    public CaseFileException(string message, Exception? innerException = null)
        : this([new ImportError(string.Empty, 0, string.Empty, message)], innerException)
    {
    }

    public IReadOnlyList<ImportError> Errors { get; }
}
