using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Platform.Problems;

/// <summary>A broken business rule: answered as 409 (conflict with current state) or 422, with a message for people.</summary>
public sealed class BusinessRuleException(string code, string message, int status = StatusCodes.Status409Conflict, string? field = null)
    : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public string? Field { get; } = field;

    /// <summary>More members of the problem details answer, e.g. the duplicate case a refusal opened.</summary>
    public Dictionary<string, object?> Extra { get; } = [];
}

sealed class BusinessRuleExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is FieldErrorsException fields)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = new HttpValidationProblemDetails(fields.Errors), Exception = fields });
        }
        if (exception is not BusinessRuleException e) return false;
        http.Response.StatusCode = e.Status;
        var details = new ProblemDetails { Status = e.Status, Title = e.Message, Detail = e.Message, Type = $"https://linli.dev/problems/{e.Code}" };
        details.Extensions["code"] = e.Code;
        if (e.Field is not null) details.Extensions["field"] = e.Field;
        foreach (var (k, v) in e.Extra) details.Extensions[k] = v;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = details, Exception = e });
    }
}

public static class ProblemsSetup
{
    public static IServiceCollection AddLinliProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BusinessRuleExceptionHandler>();
        return services;
    }

    /// <summary>
    /// API and Open311 paths answer errors as RFC 9457 problem details; pages get friendly Chinese/English pages.
    /// </summary>
    public static IApplicationBuilder UseLinliErrorPages(this IApplicationBuilder app)
    {
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/open311");
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), ui => ui.UseExceptionHandler("/error", createScopeForErrors: true)
            .UseStatusCodePagesWithReExecute("/not-found"));
        return app;
    }

    /// <summary>400 problem details in the ValidationProblem shape for a single field.</summary>
    public static IResult FieldError(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
