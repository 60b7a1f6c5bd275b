namespace Linli.Platform.OrgScope;

/// <summary>
/// Business data that belongs to a place in the org tree. Every such entity gets the "OrgScope" query filter
/// in <see cref="Linli.Data.AppDbContext"/>, so queries only see the caller's subtree.
/// </summary>
public interface IOrgScoped
{
    /// <summary>The owning unit's materialized path, e.g. "/1/7/42/".</summary>
    string OrgPath { get; }
}
