using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §2 limits: MaxDepth is configurable but never below 1,000; MaxInputChars defaults to 64 Mi.</summary>
public sealed class ParserOptionsTests
{
    [Fact]
    public void Default_limits_are_depth_4096_and_64_Mi_chars()
    {
        Assert.Equal(4096, ParserOptions.Default.MaxDepth);
        Assert.Equal(64 * 1024 * 1024, ParserOptions.Default.MaxInputChars);
        Assert.Equal(ParserOptions.Default, new ParserOptions());
    }

    [Theory]
    [InlineData(999)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Depth_limit_below_1000_is_rejected_by_the_constructor(int depth) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParserOptions(MaxDepth: depth));

    [Fact]
    public void Depth_limit_below_1000_is_rejected_by_a_with_expression() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ParserOptions.Default with { MaxDepth = 10 });

    [Fact]
    public void Depth_limit_of_1000_and_above_is_accepted()
    {
        Assert.Equal(1000, new ParserOptions(MaxDepth: 1000).MaxDepth);
        Assert.Equal(20_000, (ParserOptions.Default with { MaxDepth = 20_000 }).MaxDepth);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Input_limit_must_be_positive(int chars)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParserOptions(MaxInputChars: chars));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParserOptions.Default with { MaxInputChars = chars });
    }
}
