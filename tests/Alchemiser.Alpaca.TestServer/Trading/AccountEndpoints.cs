using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// GET /v2/account and GET /v2/positions: a cash account (multiplier 1, no margin, no shorting, no day-trade
/// count) whose money comes from the broker. What the broker port does not know is filled the way a cash account
/// without transfers or fees shows it: margins, fees and transfers 0, <c>last_equity</c> = equity. A position's
/// <c>lastday_price</c> is the symbol's last close before today in the bar store (its current price when the store
/// has none), and <c>qty_available</c> is what open sells the server has seen do not already offer.
/// </summary>
internal sealed class AccountEndpoints(ServerState state)
{
    /// <summary>The exchange shown for every asset and position (the broker port does not say).</summary>
    public const string Exchange = "NYSE";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v2/account", new RequestDelegate(AccountAsync));
        routes.MapGet("/v2/positions", new RequestDelegate(PositionsAsync));
    }

    private async Task AccountAsync(HttpContext context)
    {
        var account = await state.Broker.GetAccountAsync(state.Stopping);
        var today = MarketTime.TradingDateOf(state.Clock.UtcNow);
        var zero = WireText.Decimal(0m);
        var json = new AccountJson
        {
            Id = AlpacaIds.AccountId(account.AccountId),
            AccountNumber = account.AccountId,
            Status = "ACTIVE",
            Currency = "USD",
            Cash = WireText.Decimal(account.Cash),
            PortfolioValue = WireText.Decimal(account.Equity),
            Equity = WireText.Decimal(account.Equity),
            LastEquity = WireText.Decimal(account.Equity),
            LongMarketValue = WireText.Decimal(account.Equity - account.Cash),
            ShortMarketValue = zero,
            BuyingPower = WireText.Decimal(account.BuyingPower),
            RegtBuyingPower = WireText.Decimal(account.BuyingPower),
            DaytradingBuyingPower = zero,
            NonMarginableBuyingPower = WireText.Decimal(account.BuyingPower),
            OptionsBuyingPower = zero,
            Multiplier = "1",
            InitialMargin = zero,
            MaintenanceMargin = zero,
            LastMaintenanceMargin = zero,
            Sma = zero,
            DaytradeCount = 0,
            BalanceAsof = WireText.Date(NyseCalendar.PreviousTradingDay(today)),
            PatternDayTrader = false,
            TradingBlocked = false,
            TransfersBlocked = false,
            AccountBlocked = false,
            TradeSuspendedByUser = false,
            ShortingEnabled = false,
            CreatedAt = WireText.Utc(state.StartedAt),
            AccruedFees = zero,
            PendingTransferIn = zero,
            PendingTransferOut = zero,
            OptionsApprovedLevel = 0,
            OptionsTradingLevel = 0,
            IntradayAdjustments = zero,
            PendingRegTafFees = zero,
        };
        await ResponseWriter.OkAsync(context, json, AlpacaJsonContext.Default.AccountJson);
    }

    private async Task PositionsAsync(HttpContext context)
    {
        var positions = await state.Broker.GetPositionsAsync(state.Stopping);
        var orders = await state.Orders.CurrentAsync(state.Broker, state.Stopping);
        var today = MarketTime.TradingDateOf(state.Clock.UtcNow);
        var json = positions
            .Select(p =>
            {
                var offered = orders
                    .Where(o => o.Latest.IsOpen && o.Latest.Side == OrderSide.Sell && o.Latest.Symbol == p.Symbol)
                    .Sum(o => o.Latest.RemainingQuantity);
                var lastDay = LastClose(p.Symbol, today) ?? p.CurrentPrice;
                var intraday = p.Quantity * (p.CurrentPrice - lastDay);
                var changeToday = lastDay == 0m ? 0m : (p.CurrentPrice - lastDay) / lastDay;
                return new PositionJson
                {
                    AssetId = state.Ids.AssetId(p.Symbol),
                    Symbol = p.Symbol,
                    Exchange = Exchange,
                    AssetClass = "us_equity",
                    AssetMarginable = false,
                    Qty = WireText.Decimal(p.Quantity),
                    QtyAvailable = WireText.Decimal(Math.Max(0m, p.Quantity - offered)),
                    AvgEntryPrice = WireText.Decimal(p.AverageEntryPrice),
                    Side = "long",
                    MarketValue = WireText.Decimal(p.MarketValue),
                    CostBasis = WireText.Decimal(p.CostBasis),
                    UnrealizedPl = WireText.Decimal(p.UnrealizedProfitLoss),
                    UnrealizedPlpc = WireText.Ratio(p.CostBasis == 0m ? 0m : p.UnrealizedProfitLoss / p.CostBasis),
                    UnrealizedIntradayPl = WireText.Decimal(intraday),
                    UnrealizedIntradayPlpc = WireText.Ratio(changeToday),
                    CurrentPrice = WireText.Decimal(p.CurrentPrice),
                    LastdayPrice = WireText.Decimal(lastDay),
                    ChangeToday = WireText.Ratio(changeToday),
                };
            })
            .ToArray();
        await ResponseWriter.OkAsync<IReadOnlyList<PositionJson>>(context, json, AlpacaJsonContext.Default.IReadOnlyListPositionJson);
    }

    /// <summary>The close of the last bar before <paramref name="today"/> in the bar store; null when it has none.</summary>
    private decimal? LastClose(string symbol, DateOnly today)
    {
        if (!state.Options.Bars.Contains(symbol))
        {
            return null;
        }

        var bars = state.Options.Bars.GetBars(symbol);
        for (var i = bars.Count - 1; i >= 0; i--)
        {
            if (bars[i].Date < today)
            {
                return bars[i].Close;
            }
        }

        return null;
    }
}
