using Microsoft.Extensions.Logging.Abstractions;
using Mokuhyo.Data.DemoData;

namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>The services of Mokuhyo.Data over one context, built by hand as the container would build them.</summary>
public sealed class DataServices(MokuhyoDbContext db, TimeProvider? clock = null)
{
    public TimeProvider Clock { get; } = clock ?? FixedClock.AfterFiscalYear2022;

    public MokuhyoDbContext Db { get; } = db;

    public ReportPublisher Publisher => new(Db, Clock);

    public DepartmentFileLoader Loader => new(Db, Publisher, Clock, NullLogger<DepartmentFileLoader>.Instance);

    public PublicCatalog Catalog => new(Db);
}
