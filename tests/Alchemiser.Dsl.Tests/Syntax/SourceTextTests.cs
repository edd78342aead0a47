using System.Text;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>DSL.md §1 rule 1: files are UTF-8, a BOM is skipped, invalid UTF-8 is DSL100 at 1:1.</summary>
public sealed class SourceTextTests
{
    [Fact]
    public void Byte_order_mark_is_skipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("(asset \"A\")")];

        var text = SourceText.DecodeUtf8(bytes, "t.clj");

        Assert.Equal("(asset \"A\")", text);
        Assert.Equal(1, Parser.Parse(text, "t.clj").Span.Column);
    }

    [Fact]
    public void Only_one_leading_byte_order_mark_is_skipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, (byte)'x'];

        Assert.Equal("\uFEFFx", SourceText.DecodeUtf8(bytes, "t.clj"));
    }

    [Fact]
    public void Non_ASCII_text_decodes_exactly()
    {
        const string text = "(asset \"É\" \"名前 \U0001F600\")";

        Assert.Equal(text, SourceText.DecodeUtf8(Encoding.UTF8.GetBytes(text), "t.clj"));
    }

    [Theory]
    [InlineData(new byte[] { 0x28, 0xC3, 0x28 }, 1)]
    [InlineData(new byte[] { 0xFF }, 0)]
    [InlineData(new byte[] { 0x61, 0x62, 0xC0, 0xAF }, 2)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xE2, 0x82 }, 4)]
    public void Invalid_UTF8_is_DSL100_at_1_1_naming_the_byte(byte[] bytes, int badByte)
    {
        var error = Assert.Throws<DslException>(() => SourceText.DecodeUtf8(bytes, "bad.clj"));

        Assert.Equal(DslErrorCodes.InvalidUtf8, error.Code);
        Assert.Equal(("bad.clj", 1, 1), (error.File, error.Line, error.Column));
        Assert.Equal($"invalid UTF-8 at byte {badByte}", error.Message);
    }

    [Fact]
    public void Empty_input_decodes_to_empty_text() => Assert.Equal(string.Empty, SourceText.DecodeUtf8([], "t.clj"));
}
