using System.CommandLine;
using System.Globalization;
using Alchemiser.Cli.Brokerage;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Core.Trading;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Ledger;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Time;
using Spectre.Console;

namespace Alchemiser.Cli.Commands;

/// <summary>
/// <c>alchemiser status</c>: the paper account (equity, cash, buying power), its positions with weights and
/// unrealized P&amp;L valued at the close of the date, and the last runs in the trade ledger. With <c>--broker alpaca</c>:
/// the Alpaca account and positions as Alpaca values them now, and the market clock.
/// </summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<string>("--db") { Description = "SQLite file holding the paper account and the trade ledger", DefaultValueFactory = _ => ".local/alchemiser.db" };
        var prices = new Option<string>("--prices", "-p") { Description = "Folder of <SYMBOL>.csv daily bars the positions are valued with", DefaultValueFactory = _ => ".local/prices" };
        var date = new Option<string>("--date") { Description = "Value positions at this date's close: yyyy-mm-dd, 'today' or 'latest'", DefaultValueFactory = _ => "latest" };
        var days = new Option<int>("--days") { Description = "How many days of runs to list from the ledger", DefaultValueFactory = _ => 30 };
        var broker = AlpacaOptionsCli.BrokerOption();
        var secret = AlpacaOptionsCli.SecretOption();
        var command = new Command("status", "Show the account (paper simulator or Alpaca), its positions with weights and P&L, and the last runs from the ledger")
        {
            database, prices, date, days, broker, secret,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var databasePath = parse.GetValue(database)!;
            var lookback = parse.GetValue(days);
            if (lookback < 1)
            {
                throw new Core.Errors.ConfigurationException($"--days must be at least 1, got {lookback}");
            }

            if (AlpacaOptionsCli.IsAlpaca(parse.GetValue(broker)!))
            {
                return AlpacaStatus(context, parse.GetValue(secret), databasePath, lookback);
            }

            if (parse.GetValue(secret) is not null)
            {
                throw new Core.Errors.ConfigurationException("--alpaca-secret needs --broker alpaca");
            }

            if (!File.Exists(databasePath))
            {
                throw new Core.Errors.ConfigurationException($"no local state at '{databasePath}'", "run the workflow first: make run (or alchemiser run --db " + databasePath + ")");
            }

            var asOf = RunDates.Resolve(parse.GetValue(date)!);
            var folder = PriceFolder.Open(parse.GetValue(prices)!);
            var clock = SimulatedClock.At(asOf, NyseCalendar.IsEarlyClose(asOf) ? NyseCalendar.EarlyClose : NyseCalendar.RegularClose);
            var paper = new PaperBroker(databasePath, new BarMarketModel(new CsvBarStore(folder.Path)), clock);
            var account = paper.GetAccountAsync().GetAwaiter().GetResult();
            var positions = paper.GetPositionsAsync().GetAwaiter().GetResult();
            var closeOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[bold]paper account {Markup.Escape(account.AccountId)}[/] at the close of {closeOf} · equity {account.Equity:N2} · cash {account.Cash:N2} · buying power {account.BuyingPower:N2}"));
            WritePositions(context, account, positions);
            var ledger = new SqliteTradeLedger(databasePath);
            var fills = ledger.ByTradingDateRangeAsync(asOf.AddDays(1 - lookback), asOf).GetAwaiter().GetResult();
            context.Ui.Write(Runs(fills, lookback));
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// <c>status --broker alpaca</c>: the Alpaca account and its positions as Alpaca values them now, the market clock,
    /// and the runs in the local ledger when there is one.
    /// </summary>
    private static int AlpacaStatus(CliContext context, string? secret, string databasePath, int lookback)
    {
        using var client = AlpacaSetup.Client(context, secret);
        var account = client.GetAccountAsync().GetAwaiter().GetResult();
        var positions = client.GetPositionsAsync().GetAwaiter().GetResult();
        var clock = client.GetClockAsync().GetAwaiter().GetResult();
        var mode = client.Options.IsLive ? "LIVE" : "paper";
        context.Ui.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]Alpaca {mode} account {Markup.Escape(account.AccountId)}[/] now · equity {account.Equity:N2} · cash {account.Cash:N2} · buying power {account.BuyingPower:N2}"));
        context.Ui.MarkupLine(Markup.Escape(clock.IsOpen
            ? "market open, closes " + AlpacaRunSetup.NewYork(clock.NextClose)
            : "market closed, next open " + AlpacaRunSetup.NewYork(clock.NextOpen)));
        WritePositions(context, account, positions);
        if (!File.Exists(databasePath))
        {
            context.Ui.MarkupLine("[grey]no local trade ledger at " + Markup.Escape(databasePath) + " (run --broker alpaca writes one)[/]");
            return 0;
        }

        var today = MarketTime.TradingDateOf(clock.Timestamp);
        var fills = new SqliteTradeLedger(databasePath).ByTradingDateRangeAsync(today.AddDays(1 - lookback), today).GetAwaiter().GetResult();
        context.Ui.Write(Runs(fills, lookback));
        return 0;
    }

    private static void WritePositions(CliContext context, BrokerAccount account, IReadOnlyList<BrokerPosition> positions)
    {
        var table = new Table { Title = new TableTitle("positions") };
        table.AddColumn("symbol");
        foreach (var heading in new[] { "quantity", "avg entry", "price", "market value", "weight", "unrealized P&L", "P&L %" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var p in positions)
        {
            table.AddRow(
                Markup.Escape(p.Symbol),
                p.Quantity.ToString("0.#########", CultureInfo.InvariantCulture),
                p.AverageEntryPrice.ToString("N4", CultureInfo.InvariantCulture),
                p.CurrentPrice.ToString("N2", CultureInfo.InvariantCulture),
                p.MarketValue.ToString("N2", CultureInfo.InvariantCulture),
                Percent(account.Equity == 0m ? 0m : p.MarketValue / account.Equity),
                Signed(p.UnrealizedProfitLoss),
                p.CostBasis == 0m ? "—" : Percent(p.UnrealizedProfitLoss / p.CostBasis));
        }

        context.Ui.Write(table);
        if (positions.Count == 0)
        {
            context.Ui.MarkupLine("[grey]no open positions[/]");
        }
    }

    /// <summary>One row per run (correlation id) in the ledger, newest first.</summary>
    private static Table Runs(IReadOnlyList<LedgerFill> fills, int days)
    {
        var table = new Table { Title = new TableTitle(string.Create(CultureInfo.InvariantCulture, $"runs of the last {days} days (trade ledger)")) };
        table.AddColumn("trading date");
        table.AddColumn("correlation id");
        table.AddColumn(new TableColumn("fills").RightAligned());
        table.AddColumn(new TableColumn("bought").RightAligned());
        table.AddColumn(new TableColumn("sold").RightAligned());
        table.AddColumn("strategies");
        var runs = fills
            .GroupBy(f => f.CorrelationId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(f => f.TradingDate))
            .ThenByDescending(g => g.Max(f => f.FilledAt));
        foreach (var run in runs)
        {
            table.AddRow(
                run.Max(f => f.TradingDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape(run.Key),
                run.Count().ToString(CultureInfo.InvariantCulture),
                run.Where(f => f.Side == FillSides.Buy).Sum(f => f.Notional).ToString("N2", CultureInfo.InvariantCulture),
                run.Where(f => f.Side == FillSides.Sell).Sum(f => f.Notional).ToString("N2", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", run.SelectMany(f => f.Attribution).Select(a => a.StrategyId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))));
        }

        if (!runs.Any())
        {
            table.AddRow("—", "no fills in the ledger for these days", "", "", "", "");
        }

        return table;
    }

    private static string Percent(decimal value) => (value * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Signed(decimal value) => (value >= 0m ? "+" : "") + value.ToString("N2", CultureInfo.InvariantCulture);
}
