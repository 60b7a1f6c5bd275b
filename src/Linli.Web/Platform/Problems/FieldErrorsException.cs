namespace Linli.Platform.Problems;

/// <summary>
/// Input errors found past DataAnnotations (password policy, binding). The exception handler answers 400 with
/// the ValidationProblem shape (field → messages); pages catch it and show the messages by the fields.
/// </summary>
public sealed class FieldErrorsException(IDictionary<string, string[]> errors) : Exception("Invalid input.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) throw new FieldErrorsException(errors);
    }
}
