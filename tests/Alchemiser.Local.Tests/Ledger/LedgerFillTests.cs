using Alchemiser.Core.Trading;
using static Alchemiser.Local.Tests.Ledger.LedgerSamples;

namespace Alchemiser.Local.Tests.Ledger;

public sealed class LedgerFillTests
{
    [Theory]
    [InlineData("10", "500.25", "5002.50")]
    [InlineData("0.000000001", "123.4567", "0.0000001234567")]
    [InlineData("3", "0.3333", "0.9999")]
    public void The_notional_is_quantity_times_price_exactly(string quantity, string price, string notional)
    {
        var fill = Fill("f-1", quantity: Number.Of(quantity), price: Number.Of(price));

        Assert.Equal(Number.Of(notional), fill.Notional);
    }
}
