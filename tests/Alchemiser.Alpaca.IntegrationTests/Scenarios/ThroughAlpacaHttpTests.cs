using Alchemiser.Alpaca.IntegrationTests.Support;
using Alchemiser.Functions.Tests.Execution.Simulator;
using Alchemiser.Functions.Tests.Portfolio;
using Alchemiser.Functions.Tests.Support;

namespace Alchemiser.Alpaca.IntegrationTests.Scenarios;

// The paper-broker scenarios of Alchemiser.Functions.Tests (linked into this project unchanged), run a second time
// with the services talking to the paper broker through Alpaca's HTTP API: the real AlpacaClient against the local
// Alpaca-compatible server in front of the same paper broker. Same scenarios, same assertions; disposing each
// connection also scans its logs, journal and exceptions for the keys.

/// <inheritdoc />
[Trait("Category", "Integration")]
public sealed class SpreadWalkThroughAlpacaHttpTests : SpreadWalkOnThePaperBrokerScenarios
{
    protected override IPaperVenue Venue => AlpacaHttpVenue.Default;
}

/// <inheritdoc />
[Trait("Category", "Integration")]
public sealed class PhasesThroughAlpacaHttpTests : PhasesOnThePaperBrokerScenarios
{
    protected override IPaperVenue Venue => AlpacaHttpVenue.Default;
}

/// <inheritdoc />
[Trait("Category", "Integration")]
public sealed class RedeliveryThroughAlpacaHttpTests : RedeliveryOnThePaperBrokerScenarios
{
    protected override IPaperVenue Venue => AlpacaHttpVenue.Default;
}

/// <inheritdoc />
[Trait("Category", "Integration")]
public sealed class PortfolioServiceThroughAlpacaHttpTests : PortfolioServiceScenarios
{
    protected override IPaperVenue Venue => AlpacaHttpVenue.Default;
}
