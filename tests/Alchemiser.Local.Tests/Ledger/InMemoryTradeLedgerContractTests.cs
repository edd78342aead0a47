using Alchemiser.Core.Trading;
using Alchemiser.Local.Ledger;

namespace Alchemiser.Local.Tests.Ledger;

public sealed class InMemoryTradeLedgerContractTests : TradeLedgerContract
{
    protected override ITradeLedger CreateLedger() => new InMemoryTradeLedger();
}
