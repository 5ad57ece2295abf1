using Microsoft.EntityFrameworkCore;

namespace Mokuhyo.Data;

/// <summary>Recognises the database errors that mean "someone else was first", on either provider.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: two people created the same thing at once.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.InnerException?.GetType().Name is "SqliteException" or "PostgresException"
            && (ex.InnerException.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
                || ex.InnerException.Message.Contains("23505", StringComparison.Ordinal));
    }
}
