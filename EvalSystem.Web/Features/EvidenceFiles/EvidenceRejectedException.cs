namespace EvalSystem.Web.Features.EvidenceFiles;

/// <summary>An upload refused by <see cref="EvidenceStore"/>; the message is Chinese, names the file and says what to do.</summary>
public sealed class EvidenceRejectedException(string message) : Exception(message);
