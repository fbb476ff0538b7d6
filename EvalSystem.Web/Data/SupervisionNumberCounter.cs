namespace EvalSystem.Web.Data;

/// <summary>
/// The last 督查编号 sequence handed out in a year (一件一号). Incremented in the same transaction as the tasks it numbers;
/// <see cref="LastSequence"/> is a concurrency token, so two offices issuing at once cannot take the same number — the
/// loser's save fails and is retried with the next number. The unique index on the task number is the final guard.
/// </summary>
public sealed class SupervisionNumberCounter
{
    public int Year { get; set; }
    public int LastSequence { get; set; }
}
