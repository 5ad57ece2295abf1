using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>
/// Fails the Nth SaveChanges of a context after the database has executed it, as a lost connection or
/// a server error would after part of a load is written: what was written must be rolled back.
/// </summary>
public sealed class FailAfterSaveInterceptor(int failAfterSave) : SaveChangesInterceptor
{
    private int saves;

    public int Saves => saves;

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count();
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private void Count()
    {
        if (Interlocked.Increment(ref saves) == failAfterSave)
        {
            throw new SimulatedDatabaseFailureException($"Simulated database failure after save {failAfterSave}.");
        }
    }
}

public sealed class SimulatedDatabaseFailureException : Exception
{
    public SimulatedDatabaseFailureException()
    {
    }

    public SimulatedDatabaseFailureException(string message)
        : base(message)
    {
    }

    public SimulatedDatabaseFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
