package org.osr.report;

import org.osr.rules.Lang;

/** Names of document parts for people. */
public final class PartNames {
    private PartNames() {
    }

    public static String name(String part, Lang lang) {
        if (lang == Lang.EN) {
            return part;
        }
        return switch (part) {
            case "body" -> "正文";
            case "header" -> "页眉";
            case "footer" -> "页脚";
            case "footnote" -> "脚注";
            case "comment" -> "批注";
            case "deleted" -> "修订删除内容";
            case "hidden" -> "隐藏文字";
            case "metadata" -> "文档属性";
            case "embedded" -> "嵌入文件";
            case "ocr" -> "图像识别文字";
            case "watermark" -> "水印";
            case "shape" -> "文本框/图形";
            case "alt-text" -> "替代文字";
            default -> part;
        };
    }
}
