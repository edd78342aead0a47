using Alchemiser.Core.Sessions;
using Alchemiser.Local.Sessions;
using Alchemiser.Local.Tests.MarketData;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Tests.Sessions;

public sealed class SqliteAggregationSessionStoreContractTests : AggregationSessionStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected override IAggregationSessionStore CreateStore() => new SqliteAggregationSessionStore(_folder.PathOf("sessions.db"));
}
