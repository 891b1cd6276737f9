using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridBot.Store.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.Property(t => t.Number).HasMaxLength(32);
        builder.Property(t => t.Category).HasMaxLength(32);
        builder.Property(t => t.Place).HasMaxLength(128);
        builder.OwnsOne(t => t.PlaceDetail, place =>
        {
            place.Property(p => p.Estate).HasMaxLength(64).HasColumnName("PlaceEstate");
            place.Property(p => p.Road).HasMaxLength(64).HasColumnName("PlaceRoad");
            place.Property(p => p.Building).HasMaxLength(16).HasColumnName("PlaceBuilding");
            place.Property(p => p.Unit).HasMaxLength(16).HasColumnName("PlaceUnit");
            place.Property(p => p.Floor).HasMaxLength(16).HasColumnName("PlaceFloor");
            place.Property(p => p.Room).HasMaxLength(16).HasColumnName("PlaceRoom");
            place.Property(p => p.Landmark).HasMaxLength(32).HasColumnName("PlaceLandmark");
        });
        builder.Navigation(t => t.PlaceDetail).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(2000);
        builder.Property(t => t.Channel).HasMaxLength(32);
        builder.Property(t => t.ConversationId).HasMaxLength(128);
        builder.Property(t => t.ServiceUrl).HasMaxLength(512);
        builder.Property(t => t.OwnerUserId).HasMaxLength(128);
        builder.Property(t => t.OwnerName).HasMaxLength(64);
        builder.Property(t => t.Resolution).HasMaxLength(500);
        // Tickets stored before appeal types were complaints: the column's default says so for existing rows.
        builder.Property(t => t.AppealType).HasDefaultValue(AppealType.Complaint).HasSentinel(AppealType.Complaint);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => new { t.GridId, t.Status });
        builder.HasIndex(t => new { t.GridId, t.AppealType });
        builder.HasIndex(t => new { t.Channel, t.ConversationId, t.CreatedUtc });
        // Digests read "created in", "resolved in" and "still open at" a period as range scans on these.
        builder.HasIndex(t => t.CreatedUtc);
        builder.HasIndex(t => t.ResolvedUtc);
        // The console board sorts by deadline and filters overdue work (deadline passed, not resolved).
        builder.HasIndex(t => new { t.DeadlineUtc, t.ResolvedUtc });
        builder.HasOne(t => t.Grid).WithMany().HasForeignKey(t => t.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Reporters).WithOne().HasForeignKey(r => r.TicketId);
        builder.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TicketId);
        builder.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId);
        builder.Navigation(t => t.Reporters).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
