using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Tests.Infrastructure;

public sealed class TokensTests
{
    [Fact]
    public void NewSecret_Carries256RandomBits_AndIsUrlSafe()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => Tokens.NewSecret()).ToList();
        Assert.Equal(1000, secrets.Distinct().Count());
        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
    }

    [Fact]
    public void NewJoinCode_UsesOnlyUnambiguousCharacters()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => Tokens.NewJoinCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{12}$", c));
    }

    [Theory]
    [InlineData("ABCD-EFGH-JKMN")]
    [InlineData("abcd efgh jkmn")]
    [InlineData(" AbCd-eFgH - jKmN ")]
    [InlineData("ABCDEFGHJKMN")]
    public void NormalizeJoinCode_AcceptsWhatPeopleType_CaseGroupsAndSpaces(string typed)
    {
        Assert.Equal("ABCDEFGHJKMN", Tokens.NormalizeJoinCode(typed));
    }

    [Fact]
    public void SameSecret_MatchesOnlyTheWholeSecret_AndNeverAMissingOne()
    {
        var secret = Tokens.NewSecret();
        Assert.True(Tokens.SameSecret(secret, secret));
        Assert.False(Tokens.SameSecret(secret, secret[..^1]));
        Assert.False(Tokens.SameSecret(secret, null));
        Assert.False(Tokens.SameSecret(null, secret));
        Assert.False(Tokens.SameSecret(null, null));
    }

    [Fact]
    public void Hash_IsStableHexSha256_SoOnlyHashesAreStored()
    {
        Assert.Equal(Tokens.Hash("abc"), Tokens.Hash("abc"));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.Hash("abc"));
    }
}
