using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Linli.Modules.Organization;

/// <summary>
/// Runs a request's DataAnnotations and answers in the ValidationProblem shape (camelCase field → messages),
/// the same attributes the pages' forms use.
/// </summary>
public static class RequestValidation
{
    public static Dictionary<string, string[]> Errors(object request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        return results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Field: JsonNamingPolicy.CamelCase.ConvertName(m), Message: r.ErrorMessage ?? "")))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
    }

    public static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
