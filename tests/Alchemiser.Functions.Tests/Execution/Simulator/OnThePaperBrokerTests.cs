using Alchemiser.Functions.Tests.Support;

namespace Alchemiser.Functions.Tests.Execution.Simulator;

// The simulator scenarios with execution talking to the paper broker itself. Alchemiser.Alpaca.IntegrationTests runs
// the same scenarios through Alpaca's HTTP API (the real client against a local server over the paper broker).

/// <inheritdoc />
public sealed class SpreadWalkOnThePaperBrokerTests : SpreadWalkOnThePaperBrokerScenarios
{
    protected override IPaperVenue Venue => DirectPaperVenue.Instance;
}

/// <inheritdoc />
public sealed class PhasesOnThePaperBrokerTests : PhasesOnThePaperBrokerScenarios
{
    protected override IPaperVenue Venue => DirectPaperVenue.Instance;
}

/// <inheritdoc />
public sealed class RedeliveryOnThePaperBrokerTests : RedeliveryOnThePaperBrokerScenarios
{
    protected override IPaperVenue Venue => DirectPaperVenue.Instance;
}
