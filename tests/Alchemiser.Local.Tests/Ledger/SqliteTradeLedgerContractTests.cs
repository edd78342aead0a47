using Alchemiser.Core.Trading;
using Alchemiser.Local.Ledger;
using Alchemiser.Local.Tests.MarketData;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Tests.Ledger;

public sealed class SqliteTradeLedgerContractTests : TradeLedgerContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected override ITradeLedger CreateLedger() => new SqliteTradeLedger(_folder.PathOf("ledger.db"));
}
