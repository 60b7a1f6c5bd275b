using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Platform.Security;

// Multipart uploads are mapped with DisableAntiforgery, because bearer clients have no antiforgery token; a cookie
// caller (a page's form) must still bring one. The endpoint calls this first.
public static class FormPostCheck
{
    /// <summary>A 400 problem when a cookie caller's antiforgery token is missing or stale; null when the post may go on.</summary>
    public static async Task<ProblemHttpResult?> RefuseStaleFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (bearer || await antiforgery.IsRequestValidAsync(http)) return null;
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Loc.T("表单已失效，请刷新后重试。", "The form has expired; reload and try again."));
    }
}
