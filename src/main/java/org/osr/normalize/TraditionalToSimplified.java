package org.osr.normalize;

/**
 * Traditional → simplified Chinese, one character to one character, for the CJK Unified Ideographs block
 * (U+4E00–U+9FFF) only.
 *
 * <p>Covers the vocabulary of secrecy markings, telegram headers and internal-use labels (機密, 絕密, 電報, 內部資料,
 * 僅供參考 …) plus about 600 of the most frequent traditional characters, taken from OpenCC's TSCharacters table
 * (first candidate only) and ranked by how often the simplified form occurs in a general Chinese word-frequency
 * list. Characters that are also in everyday simplified use (乾, 著, 瞭, 藉, 徵, 覆, 餘 …) are deliberately left
 * out, because mapping them would damage simplified text. One-to-one only: phrase-level conversion would break
 * the offset map.
 *
 * <p>The two strings are parallel: {@code TRADITIONAL.charAt(i)} becomes {@code SIMPLIFIED.charAt(i)}; they are
 * laid out in lines of 40 so that the same line of each lines up.
 */
final class TraditionalToSimplified {
    static final char FIRST = '\u4E00';
    static final char LAST = '\u9FFF';

    private static final String TRADITIONAL = ""
            + "並亂亞佈佔併來侷係俬個們倖倫側備傢傳傷僅價儀億優兒內兩別則剛創劇劉劍劑動務勝勞勢"
            + "匯區協卻卽厤參吳員唸問啟喫單嗎噸嚮嚴囌國圍園圓圖團埰執堅報場塊墰墻壇壓壜壞壯夠夢"
            + "奧奪奬婦媽孃孫學宮寀實寧審寫寬寶將專尋對導屆層屬峯島峽崗嵗嶺巖師帶幣幫幹幾庫廟廠"
            + "廢廣廳張強彆彈彔彙彿後徑從復惡愛態慮慶慾憲應懞懷戲戶捲掛採揚換揮損搖搶摺擁擇擊擔"
            + "據擴擺敎敗敵數斷於旂旣昇時曆曏書會朮東査條楊業極榦榮構槍樂樑樓標樣樹橋機橫檔檢檯"
            + "權歐歡歲歷歸殘殺氣氾汎決沒沖況減測準溫滅滙滿漢漸潛潤澤濛濟灣為烏無煙熱燈燒營爭爲"
            + "爺爾牀牆狀獎獨獲獻現環產産甦甯畢異畵當痠療發盃盡監盤眞眾睏矇硃確碼礎礦祕禦禮稅種"
            + "稱穀積穩穫競筆箇節範築簡簽籤糧糰紀約紅納純紙級紛紡細紹終組結絕絡給統絲絶經綜綠綫"
            + "維網緊緑編緩練緻縣縮縱總績織繫繼續纍纔罈罎罷羅羣義習翫聖聞聯聲職聽脈脩脫腦腳臉臨"
            + "臺與興舉舊舘艦荊莊華菸萬葉葯蒐蓆蓋蓮蔘薩藝藥蘇蘭處虛號蟲衆術衕衚衛衝裏補裝裡製複"
            + "覈見規視親覺觀觸訂計訊討訓記訪設許訴註証評詞試詩話該誌認語誤說説誰課調談請論諸謀"
            + "謂講謝證識譯議護譽讀變讓豐負財貨責貴費貼貿資賊賣質購賽趕趙跡蹟車軍軟較載輕輪輯輸"
            + "轄轉辦農迴這連週進遊運過達遠適選遺還邊鄉醫釋針鈡銀銅銷鋪鋼錄錛錢錯録錶鍼鎭鎮鐘鐵"
            + "長門閃閉開間閤闆闇關陞陣陰陳陸陽隊階際隨險隱隻雖雙雜雞離難雲電靈靜鞦韆韋韓響頁頂"
            + "項順須預頓領頭頻題額類顧顯風颱飛飯養館馬駐騎驗驚體髮鬆鬍鬚鬥鬧魚魯鮮鷄鹽麗麫麯麼"
            + "黃點黨齊齣龍";
    private static final String SIMPLIFIED = ""
            + "并乱亚布占并来局系私个们幸伦侧备家传伤仅价仪亿优儿内两别则刚创剧刘剑剂动务胜劳势"
            + "汇区协却即历参吴员念问启吃单吗吨向严苏国围园圆图团采执坚报场块坛墙坛压坛坏壮够梦"
            + "奥夺奖妇妈娘孙学宫采实宁审写宽宝将专寻对导届层属峰岛峡岗岁岭岩师带币帮干几库庙厂"
            + "废广厅张强别弹录汇佛后径从复恶爱态虑庆欲宪应蒙怀戏户卷挂采扬换挥损摇抢折拥择击担"
            + "据扩摆教败敌数断于旗既升时历向书会术东查条杨业极干荣构枪乐梁楼标样树桥机横档检台"
            + "权欧欢岁历归残杀气泛泛决没冲况减测准温灭汇满汉渐潜润泽蒙济湾为乌无烟热灯烧营争为"
            + "爷尔床墙状奖独获献现环产产苏宁毕异画当酸疗发杯尽监盘真众困蒙朱确码础矿秘御礼税种"
            + "称谷积稳获竞笔个节范筑简签签粮团纪约红纳纯纸级纷纺细绍终组结绝络给统丝绝经综绿线"
            + "维网紧绿编缓练致县缩纵总绩织系继续累才坛坛罢罗群义习玩圣闻联声职听脉修脱脑脚脸临"
            + "台与兴举旧馆舰荆庄华烟万叶药搜席盖莲参萨艺药苏兰处虚号虫众术同胡卫冲里补装里制复"
            + "核见规视亲觉观触订计讯讨训记访设许诉注证评词试诗话该志认语误说说谁课调谈请论诸谋"
            + "谓讲谢证识译议护誉读变让丰负财货责贵费贴贸资贼卖质购赛赶赵迹迹车军软较载轻轮辑输"
            + "辖转办农回这连周进游运过达远适选遗还边乡医释针钟银铜销铺钢录锛钱错录表针镇镇钟铁"
            + "长门闪闭开间合板暗关升阵阴陈陆阳队阶际随险隐只虽双杂鸡离难云电灵静秋千韦韩响页顶"
            + "项顺须预顿领头频题额类顾显风台飞饭养馆马驻骑验惊体发松胡须斗闹鱼鲁鲜鸡盐丽面曲么"
            + "黄点党齐出龙";

    private static final char[] TABLE = build();

    private TraditionalToSimplified() {
    }

    /** Maps {@code c}, which must be in {@code FIRST..LAST}. */
    static char mapIdeograph(char c) {
        return TABLE[c - FIRST];
    }

    /** Maps any code point; those outside the table come back unchanged. */
    static int map(int cp) {
        return cp >= FIRST && cp <= LAST ? TABLE[cp - FIRST] : cp;
    }

    static int size() {
        return TRADITIONAL.length();
    }

    static String traditional() {
        return TRADITIONAL;
    }

    static String simplified() {
        return SIMPLIFIED;
    }

    private static char[] build() {
        if (TRADITIONAL.length() != SIMPLIFIED.length()) {
            throw new IllegalStateException("traditional/simplified tables differ in length");
        }
        char[] table = new char[LAST - FIRST + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = (char) (FIRST + i);
        }
        for (int i = 0; i < TRADITIONAL.length(); i++) {
            table[TRADITIONAL.charAt(i) - FIRST] = SIMPLIFIED.charAt(i);
        }
        return table;
    }
}
