namespace EvalSystem.Domain.Scoring;

/// <summary>One problem found while validating a rule or an indicator system (校验错误).</summary>
/// <param name="Path">Where the problem is: an indicator code path such as "KB/KB-2", or "$" for the system itself.</param>
/// <param name="Message">A Chinese sentence the evaluation office can act on.</param>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>All problems of a model definition, collected in one pass so the user can fix them at once.</summary>
public sealed class ModelValidationResult
{
    public ModelValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;

    public IReadOnlyList<ValidationError> Errors { get; }

    public bool IsValid => Errors.Count == 0;
}

/// <summary>Thrown when a scoring rule or indicator system is invalid; carries every message, in Chinese.</summary>
public sealed class ScoringValidationException : Exception
{
    public ScoringValidationException(IReadOnlyList<ValidationError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
        => Errors = errors;

    public ScoringValidationException(string message)
        : this([new ValidationError("$", message)])
    {
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
