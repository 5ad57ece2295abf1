using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mokuhyo.Data;

// Used only by `dotnet ef migrations add`: each provider's migrations are generated from its own context.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMokuhyoDbContext>
{
    public SqliteMokuhyoDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteMokuhyoDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, DataServiceCollectionExtensions.DefaultSqliteConnectionString);
        return new SqliteMokuhyoDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMokuhyoDbContext>
{
    public PostgresMokuhyoDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresMokuhyoDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=mokuhyo;Username=mokuhyo");
        return new PostgresMokuhyoDbContext(builder.Options);
    }
}
