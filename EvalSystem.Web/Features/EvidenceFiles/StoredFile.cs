namespace EvalSystem.Web.Features.EvidenceFiles;

/// <summary>A file written by <see cref="EvidenceStore"/>: its generated name and what was measured while streaming it.</summary>
/// <param name="StoredName">The generated name inside the evidence folder; never derived from the user's file name.</param>
/// <param name="ContentType">Sniffed from the bytes; one of <c>Evidence.AllowedContentTypes</c>.</param>
/// <param name="SizeBytes">The number of bytes written.</param>
/// <param name="Sha256">Lowercase 64-hex SHA-256 of the bytes written.</param>
public sealed record StoredFile(string StoredName, string ContentType, long SizeBytes, string Sha256);
