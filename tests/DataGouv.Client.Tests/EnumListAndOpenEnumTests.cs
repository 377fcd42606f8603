using DataGouv.Client;

namespace DataGouv.Client.Tests;

public class EnumListAndOpenEnumTests
{
    private enum Color { Red, Green, Unknown = -1 }

    [Fact]
    public void EnumList_keeps_each_raw_text_next_to_its_item_through_edits()
    {
        var list = new EnumList<Color> { Color.Red };
        list.Add(Color.Unknown, "ultraviolet");
        list.Insert(0, Color.Green);

        Assert.Null(list.GetRawValue(0));
        Assert.Null(list.GetRawValue(1));
        Assert.Equal("ultraviolet", list.GetRawValue(2));

        list.RemoveAt(0);
        Assert.Equal("ultraviolet", list.GetRawValue(1));

        // Replacing an item drops its raw text: the new value is a known one.
        list[1] = Color.Red;
        Assert.Null(list.GetRawValue(1));

        list.Clear();
        list.Add(Color.Green);
        Assert.Null(list.GetRawValue(0));
    }

    [Fact]
    public void OpenEnum_carries_either_a_known_value_or_raw_wire_text()
    {
        OpenEnum<Color> known = Color.Green;
        Assert.Equal(Color.Green, known.Value);
        Assert.Null(known.RawValue);
        Assert.Equal("Green", known.ToString());

        var raw = OpenEnum<Color>.FromWire("infrared");
        Assert.Equal("infrared", raw.RawValue);
        Assert.Equal("infrared", raw.ToString());
        Assert.Throws<ArgumentNullException>(() => OpenEnum<Color>.FromWire(null!));
    }

    [Fact]
    public void FilePart_needs_content_and_a_file_name()
    {
        using var content = new MemoryStream([1, 2, 3]);
        var part = new FilePart(content, "a.png");
        Assert.Same(content, part.Content);
        Assert.Null(part.ContentType);
        Assert.Throws<ArgumentNullException>(() => new FilePart(null!, "a.png"));
        Assert.Throws<ArgumentNullException>(() => new FilePart(content, null!));
    }
}
