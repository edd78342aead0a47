using Alchemiser.Functions.Tests.Support;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>
/// The portfolio scenarios with the service reading the paper broker itself. Alchemiser.Alpaca.IntegrationTests runs
/// them through Alpaca's HTTP API (the real client against a local server over the paper broker).
/// </summary>
public sealed class PortfolioServiceTests : PortfolioServiceScenarios
{
    protected override IPaperVenue Venue => DirectPaperVenue.Instance;
}
