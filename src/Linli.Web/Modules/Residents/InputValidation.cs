using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Linli.Modules.Residents;

/// <summary>
/// Runs a request's DataAnnotations (the same the pages' forms use) and collects errors in the ValidationProblem
/// shape: camelCase field → messages.
/// </summary>
public static class InputValidation
{
    public static Dictionary<string, string[]> Errors(object request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        return results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Field: FieldName(m), Message: r.ErrorMessage ?? "")))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
    }

    public static string FieldName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    public static void Add(this Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
