using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>
/// Fails one SaveChanges of a context, once, before it reaches the database, with the error a dropped
/// connection gives: an <see cref="NpgsqlException"/> that PostgreSQL's retrying execution strategy
/// treats as transient and retries.
/// </summary>
public sealed class TransientFailureInterceptor(int failOnSave) : SaveChangesInterceptor
{
    private int saves;

    public bool Failed { get; private set; }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Count();
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Count()
    {
        if (Interlocked.Increment(ref saves) == failOnSave)
        {
            Failed = true;
            var exception = new NpgsqlException("Simulated dropped connection.", new SocketException((int)SocketError.ConnectionReset));
            if (!exception.IsTransient)
            {
                throw new InvalidOperationException("The simulated failure is meant to be transient.");
            }

            throw exception;
        }
    }
}
