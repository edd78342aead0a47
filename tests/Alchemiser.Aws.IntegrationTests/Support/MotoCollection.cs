namespace Alchemiser.Aws.IntegrationTests.Support;

/// <summary>The test classes that share one moto server (started once, stopped by PID at the end).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
