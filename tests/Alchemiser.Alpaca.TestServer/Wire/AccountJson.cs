namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>GET /v2/account (components/schemas/Account): money as strings, as Alpaca sends it.</summary>
internal sealed record AccountJson
{
    public required string Id { get; init; }

    public required string AccountNumber { get; init; }

    public required string Status { get; init; }

    public required string Currency { get; init; }

    public required string Cash { get; init; }

    public required string PortfolioValue { get; init; }

    public required string Equity { get; init; }

    public required string LastEquity { get; init; }

    public required string LongMarketValue { get; init; }

    public required string ShortMarketValue { get; init; }

    public required string BuyingPower { get; init; }

    public required string RegtBuyingPower { get; init; }

    public required string DaytradingBuyingPower { get; init; }

    public required string NonMarginableBuyingPower { get; init; }

    public required string OptionsBuyingPower { get; init; }

    public required string Multiplier { get; init; }

    public required string InitialMargin { get; init; }

    public required string MaintenanceMargin { get; init; }

    public required string LastMaintenanceMargin { get; init; }

    public required string Sma { get; init; }

    public required int DaytradeCount { get; init; }

    public required string BalanceAsof { get; init; }

    public required bool PatternDayTrader { get; init; }

    public required bool TradingBlocked { get; init; }

    public required bool TransfersBlocked { get; init; }

    public required bool AccountBlocked { get; init; }

    public required bool TradeSuspendedByUser { get; init; }

    public required bool ShortingEnabled { get; init; }

    public required string CreatedAt { get; init; }

    public required string AccruedFees { get; init; }

    public required string PendingTransferIn { get; init; }

    public required string PendingTransferOut { get; init; }

    public required int OptionsApprovedLevel { get; init; }

    public required int OptionsTradingLevel { get; init; }

    public required string IntradayAdjustments { get; init; }

    public required string PendingRegTafFees { get; init; }
}
