package org.xuncha.documents;

import org.jspecify.annotations.Nullable;

/**
 * The typefaces of an official document (公文字体) as GB/T 9704-2012 names them, and what each falls back to on a
 * machine that lacks it. A .docx cannot hold a conditional font, so the fallback is written twice: as the
 * alternative name in the document's font table (Word and WPS substitute it), and as a preset for offices whose
 * printers have none of the GB faces.
 */
public enum Typefaces {

    /** 方正小标宋简体 title, 仿宋_GB2312 body, 黑体 and 楷体_GB2312 headings; 宋体, 仿宋, 楷体 where missing. */
    STANDARD(
            new Face("方正小标宋简体", false, "宋体"),
            new Face("仿宋_GB2312", false, "仿宋"),
            new Face("黑体", false, null),
            new Face("楷体_GB2312", false, "楷体")),

    /** Faces every Chinese Windows and WPS has: the title in bold 宋体, body 仿宋, headings 黑体 and 楷体. */
    COMMON(
            new Face("宋体", true, null),
            new Face("仿宋", false, null),
            new Face("黑体", false, null),
            new Face("楷体", false, null));

    /** A face as written into a run: its name in rFonts eastAsia, whether it is set bold, and its fallback. */
    public record Face(String name, boolean bold, @Nullable String fallback) {}

    /** Page numbers: 4号 半角 宋体 in every preset. */
    public static final Face PAGE_NUMBER = new Face("宋体", false, null);

    private final Face title;
    private final Face body;
    private final Face firstLevel;
    private final Face secondLevel;

    Typefaces(Face title, Face body, Face firstLevel, Face secondLevel) {
        this.title = title;
        this.body = body;
        this.firstLevel = firstLevel;
        this.secondLevel = secondLevel;
    }

    /** 标题: 2号 小标宋. */
    public Face title() {
        return title;
    }

    /** 正文 and the third-level heading "1." (set bold): 3号 仿宋. */
    public Face body() {
        return body;
    }

    /** First-level heading "一、": 3号 黑体. */
    public Face firstLevel() {
        return firstLevel;
    }

    /** Second-level heading "（一）": 3号 楷体. */
    public Face secondLevel() {
        return secondLevel;
    }
}
