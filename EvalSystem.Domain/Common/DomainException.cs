namespace EvalSystem.Domain.Common;

/// <summary>
/// A rule of the domain was broken. The message is a sentence in Chinese that a user can act on.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
