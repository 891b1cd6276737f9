using GridBot.Store.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> builder)
    {
        builder.Property(e => e.Question).HasMaxLength(KnowledgeEntry.QuestionMaxLength);
        builder.Property(e => e.Answer).HasMaxLength(KnowledgeEntry.AnswerMaxLength);
        builder.Property(e => e.Keywords).HasMaxLength(KnowledgeEntry.KeywordsMaxLength);

        // A re-import updates the answer of the same question in the same grid instead of adding a second one.
        builder.HasIndex(e => new { e.GridId, e.Question }).IsUnique();
        builder.HasOne(e => e.Grid).WithMany().HasForeignKey(e => e.GridId).OnDelete(DeleteBehavior.Cascade);
    }
}
