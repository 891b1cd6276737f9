using GridBot.Dialogs.Privacy;

namespace GridBot.Dialogs.Tests.Privacy;

public sealed class PersonalDataMaskTests
{
    [Fact]
    public void APhoneKeepsOnlyItsFirstThreeAndLastFourDigits() => Assert.Equal("138****1111", PersonalDataMask.Phone("13812341111"));

    [Fact]
    public void AnIdNumberKeepsOnlyItsEnds() => Assert.Equal("110***********123X", PersonalDataMask.IdNumber("11010119900307123X"));

    [Fact]
    public void NumbersInsideFreeTextAreMasked() =>
        Assert.Equal("我电话138****1111，身份证110***********1234，3号楼502",
            PersonalDataMask.Text("我电话13812341111，身份证110101199003071234，3号楼502"));
}
