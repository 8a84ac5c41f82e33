"""Read shapes of the course. Fields come back in the request's language (English fallback)."""

from rest_framework import serializers

from learning.models import Course, GlossaryTerm, Lesson, LessonProgress


class GlossaryTermSerializer(serializers.ModelSerializer):
    class Meta:
        model = GlossaryTerm
        fields = ["key", "term", "definition"]


class CourseSerializer(serializers.ModelSerializer):
    lessons = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")

    class Meta:
        model = Course
        fields = ["key", "title", "description", "lessons"]


class LessonSerializer(serializers.ModelSerializer):
    course = serializers.SlugRelatedField(read_only=True, slug_field="key")

    class Meta:
        model = Lesson
        fields = ["slug", "course", "order", "source", "title", "summary", "minutes", "updated_at"]


class RenditionSerializer(serializers.Serializer):
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class LessonImageSerializer(serializers.Serializer):
    url = serializers.CharField()
    alt = serializers.CharField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    renditions = RenditionSerializer(many=True, help_text="Smaller WebP copies, smallest first.")


class LessonDetailSerializer(LessonSerializer):
    key_facts = serializers.ListField(source="key_fact_list", child=serializers.CharField())
    glossary = GlossaryTermSerializer(source="glossary_terms", many=True, read_only=True)
    image = LessonImageSerializer(source="image_info", allow_null=True, read_only=True)

    class Meta(LessonSerializer.Meta):
        fields = [*LessonSerializer.Meta.fields, "body_html", "key_facts", "glossary", "image"]


class LessonProgressSerializer(serializers.ModelSerializer):
    lesson = serializers.SlugRelatedField(read_only=True, slug_field="slug")

    class Meta:
        model = LessonProgress
        fields = ["lesson", "completed_at", "last_seen_at"]
