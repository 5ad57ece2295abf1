using System.Globalization;
using Npgsql;

namespace Mokuhyo.Tests.Common;

/// <summary>
/// Throwaway databases on the PostgreSQL server that scripts/test.sh starts and names in
/// MOKUHYO_TEST_POSTGRES. Without that variable, PostgreSQL tests are skipped, never passed.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MOKUHYO_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static void SkipIfUnavailable()
    {
        if (AdminConnectionString is null)
        {
            Assert.Skip($"PostgreSQL is not available: {Variable} is set by scripts/test.sh.");
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = "mokuhyo_test_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var admin = AdminConnectionString;
        if (admin is null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
