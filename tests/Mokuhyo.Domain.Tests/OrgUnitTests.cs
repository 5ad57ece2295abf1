using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Domain.Tests;

public class OrgUnitTests
{
    [Theory]
    [InlineData("shimin-seikatsu")]
    [InlineData("chiiki-shinko")]
    [InlineData("shisho2")]
    [InlineData("a")]
    public void Lower_case_ascii_letters_digits_and_hyphens_make_a_unit_code(string code)
    {
        Assert.True(OrgUnit.IsValidCode(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Shimin")]
    [InlineData("shimin seikatsu")]
    [InlineData("shimin_seikatsu")]
    [InlineData("市民生活部")]
    [InlineData("ｓｈｉｍｉｎ")]
    [InlineData("-shimin")]
    [InlineData("shimin-")]
    public void Anything_else_is_not_a_unit_code(string? code)
    {
        Assert.False(OrgUnit.IsValidCode(code));
    }

    [Fact]
    public void A_unit_code_may_be_as_long_as_the_code_limit_but_no_longer()
    {
        Assert.True(OrgUnit.IsValidCode(new string('a', TextLimits.Code)));
        Assert.False(OrgUnit.IsValidCode(new string('a', TextLimits.Code + 1)));
    }
}
