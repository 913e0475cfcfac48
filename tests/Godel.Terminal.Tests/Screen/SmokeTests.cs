// First end-to-end checks: text lands where expected.
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class SmokeTests
{
    [Fact]
    public void Plain_text_and_crlf_land_on_their_rows()
    {
        Assert.Equal("hello\nworld", Term.Run("hello\r\nworld"));
    }
}
