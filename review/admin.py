"""Review cards in the admin: read only (they are made by learners' answers)."""

from django.contrib import admin

from review.models import Review, ReviewCard


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    can_delete = False
    fields = ["reviewed_at", "source", "rating", "points", "max_points", "language", "due_after"]
    readonly_fields = fields


@admin.register(ReviewCard)
class ReviewCardAdmin(admin.ModelAdmin):
    list_display = ["learner", "question", "due_at", "reviews_count", "stability", "difficulty"]
    list_select_related = ["learner", "question"]
    search_fields = ["learner__username", "question__key"]
    readonly_fields = [field.name for field in ReviewCard._meta.fields]
    inlines = [ReviewInline]

    def has_add_permission(self, request):
        return False
