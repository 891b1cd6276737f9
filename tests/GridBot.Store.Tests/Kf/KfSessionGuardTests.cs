using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Tests.Kf;

/// <summary>
/// A kf session refuses a take-over or give-back that is not a move, keeps "held by a person" and "a servicer is named"
/// together, and spends a reply only inside WeCom's 48 h / 5 replies.
/// </summary>
public sealed class KfSessionGuardTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TakingASessionOneAlreadyHoldsThrowsAndChangesNothing()
    {
        var session = new KfSession("wk1", "wm1", Now);
        session.TakeOver("liming", Now);

        Assert.Throws<InvalidOperationException>(() => session.TakeOver("liming", Now.AddMinutes(1)));
        Assert.Throws<ArgumentException>(() => session.TakeOver(" ", Now.AddMinutes(1)));
        Assert.Equal((KfServiceState.Person, "liming", Now), (session.ServiceState, session.ServicerUserId, session.UpdatedUtc));

        // Another servicer may take it over from the first.
        session.TakeOver("wangfang", Now.AddMinutes(2));
        Assert.True(session.IsHeldBy("wangfang"));
    }

    [Fact]
    public void GivingBackASessionTheBotHoldsThrows()
    {
        var session = new KfSession("wk1", "wm1", Now);

        Assert.Throws<InvalidOperationException>(() => session.HandBack(Now));

        session.TakeOver("liming", Now);
        session.HandBack(Now.AddMinutes(1));
        Assert.Equal((KfServiceState.Bot, (string?)null), (session.ServiceState, session.ServicerUserId));
        Assert.Throws<InvalidOperationException>(() => session.HandBack(Now.AddMinutes(2)));
    }

    [Fact]
    public void WeComsWordIsTakenAsOftenAsItComes()
    {
        var session = new KfSession("wk1", "wm1", Now);

        session.ServicerChanged("liming", Now);
        session.ServicerChanged("liming", Now);
        Assert.True(session.IsHeldBy("liming"));
        session.ServicerChanged(null, Now);
        session.ServicerChanged(null, Now);
        Assert.Equal((KfServiceState.Bot, (string?)null), (session.ServiceState, session.ServicerUserId));
    }

    [Fact]
    public void RepliesAreReachableOnlyInsideTheWindowWithBudgetLeftAndTheBotHolding()
    {
        var session = new KfSession("wk1", "wm1", Now);
        Assert.Equal(KfUnreachable.WindowClosed, session.Unreachable(Now));

        session.CustomerWrote(Now, Now);
        Assert.Null(session.Unreachable(Now + KfSession.ReplyWindow));
        Assert.Equal(KfUnreachable.WindowClosed, session.Unreachable(Now + KfSession.ReplyWindow + TimeSpan.FromSeconds(1)));

        session.TakeOver("liming", Now);
        Assert.Equal(KfUnreachable.HeldByPerson, session.Unreachable(Now));
    }

    [Fact]
    public async Task AReplyIsTakenAtMostFiveTimesPerCustomerMessageAndNeverAfterTheWindow()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        int id;
        await using (var db = database.Open())
        {
            var started = new KfSession("wk1", "wm1", Now);
            started.CustomerWrote(Now, Now);
            db.KfSessions.Add(started);
            await db.SaveChangesAsync(ct);
            id = started.Id;
        }

        await using (var db = database.Open())
        {
            var session = await db.KfSessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            var taken = new List<bool>();
            for (var i = 0; i < KfSession.RepliesPerCustomerMessage + 1; i++)
            {
                taken.Add(await db.KfSessions.TakeReplyAsync(session, Now.AddMinutes(i), ct));
            }

            Assert.Equal([true, true, true, true, true, false], taken);
        }

        await using (var db = database.Open())
        {
            var session = await db.KfSessions.SingleAsync(s => s.Id == id, ct);
            session.CustomerWrote(Now.AddHours(1), Now.AddHours(1));
            await db.SaveChangesAsync(ct);
            Assert.False(await db.KfSessions.TakeReplyAsync(session, Now.AddHours(1) + KfSession.ReplyWindow + TimeSpan.FromSeconds(1), ct));
            // Read before the resident wrote again: that reading's budget is gone, whatever the new one holds.
            var stale = await db.KfSessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            session.CustomerWrote(Now.AddHours(2), Now.AddHours(2));
            await db.SaveChangesAsync(ct);
            Assert.False(await db.KfSessions.TakeReplyAsync(stale, Now.AddHours(2), ct));
            Assert.Equal(KfSession.RepliesPerCustomerMessage, await db.KfSessions.Where(s => s.Id == id).Select(s => s.RepliesLeft).SingleAsync(ct));
        }
    }

    [Fact]
    public void NothingOutsideTheirMethodsChangesASessionCursorOrLink()
    {
        Assert.Empty(new[] { typeof(KfSession), typeof(KfCursor), typeof(KfContactLink) }
            .SelectMany(t => t.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && !IsInitOnly(p)).Select(p => $"{t.Name}.{p.Name}")));
    }

    [Fact]
    public void AnEmptyCursorThrows()
    {
        var cursor = new KfCursor("wk1", "c1", Now);

        Assert.Throws<ArgumentException>(() => cursor.MoveTo("", Now.AddMinutes(1)));
        Assert.Equal(("c1", Now), (cursor.Cursor, cursor.UpdatedUtc));
    }

    private static bool IsInitOnly(System.Reflection.PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
}
